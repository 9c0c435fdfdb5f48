import type { Machine } from '../asl/definition';
import { CALLS_INSIDE_LAMBDA, FALLBACK_LAMBDA_MS, TICKET_PLAINTEXT_BYTES } from './assumptions';
import { type DataKeyReuse, dataKeyReuse, reuseChangesUsage, withDataKeyReuse } from './data-keys';
import { type FixedMonthly, fixedMonthly } from './fixed-monthly';
import { describePath, namePaths } from './path-names';
import { enumeratePaths, type Outcome } from './paths';
import { type LeftOutItem, perRequestLeftOut } from './per-request-left-out';
import type { Prices } from './prices';
import { type Cost, type CostOptions, executionCost, expressExecution, standardExecution } from './pricing';
import type { ProjectConfig, StackConfig, StateMachineType } from './serverless-config';
import { pathUsage, type Usage } from './usage';

export interface ReportOptions {
  expressDurationMs: number;
  expressMemoryMb: number;
  lambdaMs: Record<string, number>;
  retries: number;
  warmTicketsPerMinute: number;
}

export interface PathCost {
  name: string;
  description: string;
  outcome: Outcome;
  states: string[];
  usage: Usage;
  /** Step Functions alone, per execution, under each type. */
  stepFunctions: Record<StateMachineType, number>;
  /** API Gateway + Step Functions + Lambda + services, per execution, under each type. */
  endToEnd: Record<StateMachineType, Cost>;
  /** The same with encryptTicket's data-key cache off, for paths that seal a ticket. */
  cachingOff?: Record<StateMachineType, Cost>;
}

export interface CostReport {
  prices: Pick<Prices, 'region' | 'currency' | 'retrievedOn' | 'status'>;
  projectType: StateMachineType;
  assumptions: ReportOptions & {
    fallbackLambdaMs: number;
    lambdaArchitecture: 'x86_64';
    freeTiers: 'ignored';
    memoryMb: Record<string, number>;
    callsInsideLambda: typeof CALLS_INSIDE_LAMBDA;
    dataKeys: DataKeyReuse;
  };
  paths: PathCost[];
  /** The stack's resources that cost the same each month whatever the traffic. */
  fixedMonthly: FixedMonthly;
  /** Per-request costs outside the path figures (log ingestion, optional X-Ray). */
  perRequestLeftOut: LeftOutItem[];
}

/** Costs every path under both types, and the stack's fixed items; pure, so tests can pin its numbers. */
export function costReport(
  machine: Machine,
  project: ProjectConfig & StackConfig,
  prices: Prices,
  o: ReportOptions,
): CostReport {
  const costOptions: CostOptions = { ...o, fallbackLambdaMs: FALLBACK_LAMBDA_MS, memoryMb: project.memoryMb };
  const paths = enumeratePaths(machine);
  const names = namePaths(paths);
  const express = expressExecution(o.expressDurationMs, o.expressMemoryMb, prices);
  const dataKeys = dataKeyReuse(project.dataKeyCache, o.warmTicketsPerMinute, TICKET_PLAINTEXT_BYTES);
  const callsInsideLambda = withDataKeyReuse(CALLS_INSIDE_LAMBDA, dataKeys);
  const both = (usage: Usage) => ({
    EXPRESS: executionCost(usage, 'EXPRESS', costOptions, prices),
    STANDARD: executionCost(usage, 'STANDARD', costOptions, prices),
  });
  return {
    prices: {
      region: prices.region,
      currency: prices.currency,
      retrievedOn: prices.retrievedOn,
      status: prices.status,
    },
    projectType: project.stateMachineType,
    assumptions: {
      ...o,
      fallbackLambdaMs: FALLBACK_LAMBDA_MS,
      lambdaArchitecture: 'x86_64',
      freeTiers: 'ignored',
      memoryMb: project.memoryMb,
      callsInsideLambda,
      dataKeys,
    },
    paths: paths.map((path, i) => {
      const usage = pathUsage(path, { retries: o.retries, callsInsideLambda });
      const uncached = () => pathUsage(path, { retries: o.retries, callsInsideLambda: CALLS_INSIDE_LAMBDA });
      return {
        name: names[i] ?? describePath(path),
        description: describePath(path),
        outcome: path.outcome,
        states: path.steps.map((s) => s.name),
        usage,
        stepFunctions: {
          STANDARD: standardExecution(usage.transitions, prices),
          EXPRESS: express.request + express.duration,
        },
        endToEnd: both(usage),
        ...(reuseChangesUsage(usage, dataKeys) ? { cachingOff: both(uncached()) } : {}),
      };
    }),
    fixedMonthly: fixedMonthly(project.resources, prices),
    perRequestLeftOut: perRequestLeftOut(project, prices),
  };
}
