import { dirname, join, resolve } from 'node:path';
import { parseDefinition, TICKET_ASL } from '../asl/definition';
import { readYaml } from '../asl/read-yaml';
import { parseCostArgs, USAGE } from './args';
import { DEFAULT_LAMBDA_MS } from './assumptions';
import { formatReport } from './format-report';
import { readPrices } from './prices';
import { costReport } from './report';
import { readProject } from './serverless-config';
import { readFileBeside } from './stack-resources';

const ROOT = join(__dirname, '..', '..');

function main(argv: string[]): void {
  const args = parseCostArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const machine = parseDefinition(readYaml(args.asl ? resolve(args.asl) : TICKET_ASL));
  const serverlessFile = args.serverless ? resolve(args.serverless) : join(ROOT, 'serverless.yml');
  const project = readProject(readYaml(serverlessFile), args.params, readFileBeside(dirname(serverlessFile)));
  const prices = readPrices(args.pricesFile && resolve(args.pricesFile));
  // A misspelt function would silently keep its default duration.
  const unknown = Object.keys(args.lambdaMs).filter((fn) => project.memoryMb[fn] === undefined);
  if (unknown.length) throw new Error(`--lambda-ms: serverless.yml has no function ${unknown.join(', ')}`);
  const report = costReport(machine, project, prices, {
    expressDurationMs: args.durationMs,
    expressMemoryMb: args.expressMemoryMb,
    lambdaMs: { ...DEFAULT_LAMBDA_MS, ...args.lambdaMs },
    retries: args.retries,
    warmTicketsPerMinute: args.warmTicketsPerMinute,
  });
  console.log(args.json ? JSON.stringify(report, null, 2) : formatReport(report));
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(
    `cost: ${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.`,
  );
  process.exitCode = 1;
}
