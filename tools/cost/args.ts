import { parseArgs } from 'node:util';
import {
  DEFAULT_EXPRESS_MEMORY_MB,
  DEFAULT_EXPRESS_MS,
  DEFAULT_LAMBDA_MS,
  DEFAULT_WARM_TICKETS_PER_MINUTE,
} from './assumptions';

export const USAGE = `Usage: tsx tools/cost/main.ts [options]
  --json                     print JSON instead of tables
  --duration-ms N            Express execution duration (default ${DEFAULT_EXPRESS_MS})
  --express-memory-mb N      Express memory used (default ${DEFAULT_EXPRESS_MEMORY_MB})
  --lambda-ms fn=N,fn=N      Lambda durations (default ${Object.entries(DEFAULT_LAMBDA_MS)
    .map(([fn, ms]) => `${fn}=${ms}`)
    .join(',')})
  --retries N                retried attempts per state with a Retry (default 0)
  --warm-tickets-per-minute N
                             tickets one warm encryptTicket environment seals a minute, for the
                             data-key cache (default ${DEFAULT_WARM_TICKETS_PER_MINUTE})
  --prices FILE              price file (default tools/cost/prices.us-east-1.json)
  --asl FILE                 state machine (default statemachines/ticket.asl.yml)
  --serverless FILE          serverless config (default serverless.yml)
  --param name=value         override a default param, as sls --param does (repeatable),
                             e.g. --param apiAuth=apiKey or --param stateMachineType=STANDARD`;

export interface CostArgs {
  help: boolean;
  json: boolean;
  durationMs: number;
  expressMemoryMb: number;
  /** Only the functions given with --lambda-ms. */
  lambdaMs: Record<string, number>;
  retries: number;
  /** Assumed warm-function reuse of encryptTicket's cached data key. */
  warmTicketsPerMinute: number;
  /** `--param` overrides of serverless.yml's default params. */
  params: Record<string, string>;
  pricesFile?: string;
  /** Files given on the command line; main.ts falls back to the repo's own. */
  asl?: string;
  serverless?: string;
}

function number(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`--${flag} wants a number >= ${min}, got ${text}`);
  return value;
}

/** `generateTicket=80,encryptTicket=120`: overrides only, main.ts lays them over the defaults. */
function lambdaMs(text: string | undefined): Record<string, number> {
  const result: Record<string, number> = {};
  if (text === undefined) return result;
  for (const pair of text.split(',')) {
    const [fn, ms, extra] = pair.split('=');
    if (!fn || ms === undefined || extra !== undefined)
      throw new Error(`--lambda-ms wants fn=N pairs, got ${pair}`);
    result[fn.trim()] = number('lambda-ms', ms, Number.NaN, 1);
  }
  return result;
}

function params(pairs: string[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const match = /^(\w+)=(.*)$/s.exec(pair);
    if (!match?.[1] || match[2] === undefined) throw new Error(`--param wants name=value, got ${pair}`);
    result[match[1]] = match[2];
  }
  return result;
}

export function parseCostArgs(argv: string[]): CostArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      json: { type: 'boolean' },
      'duration-ms': { type: 'string' },
      'express-memory-mb': { type: 'string' },
      'lambda-ms': { type: 'string' },
      retries: { type: 'string' },
      'warm-tickets-per-minute': { type: 'string' },
      prices: { type: 'string' },
      asl: { type: 'string' },
      serverless: { type: 'string' },
      param: { type: 'string', multiple: true },
    },
  });
  const args: CostArgs = {
    help: values.help ?? false,
    json: values.json ?? false,
    durationMs: number('duration-ms', values['duration-ms'], DEFAULT_EXPRESS_MS, 1),
    expressMemoryMb: number('express-memory-mb', values['express-memory-mb'], DEFAULT_EXPRESS_MEMORY_MB, 1),
    lambdaMs: lambdaMs(values['lambda-ms']),
    retries: Math.floor(number('retries', values.retries, 0, 0)),
    warmTicketsPerMinute: number(
      'warm-tickets-per-minute',
      values['warm-tickets-per-minute'],
      DEFAULT_WARM_TICKETS_PER_MINUTE,
      0,
    ),
    params: params(values.param),
  };
  if (values.prices !== undefined) args.pricesFile = values.prices;
  if (values.asl !== undefined) args.asl = values.asl;
  if (values.serverless !== undefined) args.serverless = values.serverless;
  return args;
}
