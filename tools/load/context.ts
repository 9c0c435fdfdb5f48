import { functionName, type StackInfo } from '../../localstack/stack-info';
import type { LoadContext } from './check-types';
import { runId } from './ticket-requests';

/** What every check gets, from the deployed stack: the run's id and clock, and what the faults name. */
export function loadContext(stack: StackInfo, now: Date, timeoutMs: number): LoadContext {
  return {
    apiUrl: stack.apiUrl,
    bucket: stack.bucketName,
    run: runId(now),
    now,
    timeoutMs,
    topicArn: stack.topicArn,
    generateFn: functionName('generateTicket'),
    encryptFn: functionName('encryptTicket'),
  };
}
