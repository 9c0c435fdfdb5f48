import { taskTarget } from '../asl/task-target';
import type { Path } from './paths';

export interface ServiceCall {
  service: string;
  action: string;
  count: number;
  /** The Lambda function making the call, when the state machine does not make it directly. */
  via?: string;
}

export interface LambdaUse {
  functionName: string;
  invocations: number;
}

export interface Usage {
  /** STANDARD billing: every state entered, Parallel and branch states included, plus retries. */
  transitions: number;
  lambdas: LambdaUse[];
  calls: ServiceCall[];
}

export interface UsageOptions {
  /** Retried attempts assumed for each state that has a Retry, capped at its MaxAttempts. */
  retries: number;
  callsInsideLambda: Record<string, ServiceCall[]>;
}

// ASL's default MaxAttempts when a retrier leaves it out.
const DEFAULT_MAX_ATTEMPTS = 3;

function retriesFor(retry: { MaxAttempts?: number | undefined }[] | undefined, wanted: number): number {
  if (!retry?.length || wanted <= 0) return 0;
  return Math.min(wanted, Math.max(...retry.map((r) => r.MaxAttempts ?? DEFAULT_MAX_ATTEMPTS)));
}

function addCall(calls: ServiceCall[], call: ServiceCall): void {
  const same = calls.find(
    (c) => c.service === call.service && c.action === call.action && c.via === call.via,
  );
  if (same) same.count += call.count;
  else calls.push({ ...call });
}

/** What one execution along a path uses: transitions, Lambda invocations, other service calls. */
export function pathUsage(path: Path, options: UsageOptions): Usage {
  const usage: Usage = { transitions: 0, lambdas: [], calls: [] };
  for (const { state } of path.steps) {
    const attempts = 1 + retriesFor(state.Retry, options.retries);
    usage.transitions += attempts;
    if (state.Type !== 'Task') continue;
    const target = taskTarget(state);
    if (target.kind === 'service') {
      addCall(usage.calls, { service: target.service, action: target.action, count: attempts });
    }
    if (target.kind !== 'lambda') continue;
    const { functionName } = target;
    const use = usage.lambdas.find((l) => l.functionName === functionName);
    if (use) use.invocations += attempts;
    else usage.lambdas.push({ functionName, invocations: attempts });
    for (const inner of options.callsInsideLambda[functionName] ?? []) {
      addCall(usage.calls, { ...inner, count: inner.count * attempts });
    }
  }
  return usage;
}
