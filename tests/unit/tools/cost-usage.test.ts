import { taskTarget } from '../../../tools/asl/task-target';
import { CALLS_INSIDE_LAMBDA } from '../../../tools/cost/assumptions';
import { describePath } from '../../../tools/cost/path-names';
import { enumeratePaths } from '../../../tools/cost/paths';
import { pathUsage } from '../../../tools/cost/usage';
import { generateSuccess, machine, ticketMachine } from './asl-fixtures';

describe('taskTarget', () => {
  const task = (Resource: unknown, Parameters?: unknown) => ({
    Type: 'Task' as const,
    Resource,
    Parameters,
    End: true,
  });

  it('maps lambda:invoke with Fn::GetAtt to the serverless.yml function', () => {
    const target = taskTarget(
      task('arn:aws:states:::lambda:invoke', { FunctionName: { 'Fn::GetAtt': ['fn', 'Arn'] } }),
    );
    expect(target).toEqual({ kind: 'lambda', functionName: 'fn' });
  });

  it('reads a function ARN, in the Resource or in FunctionName', () => {
    const arn = 'arn:aws:lambda:us-east-1:111122223333:function:issue:live';
    expect(taskTarget(task(arn))).toEqual({ kind: 'lambda', functionName: 'issue' });
    expect(
      taskTarget(task('arn:aws:states:::lambda:invoke.waitForTaskToken', { FunctionName: arn })),
    ).toEqual({
      kind: 'lambda',
      functionName: 'issue',
    });
  });

  it('reads service integrations, optimised and aws-sdk', () => {
    expect(taskTarget(task('arn:aws:states:::sns:publish'))).toEqual({
      kind: 'service',
      service: 'sns',
      action: 'publish',
    });
    expect(taskTarget(task('arn:aws:states:::aws-sdk:s3:putObject'))).toMatchObject({
      service: 's3',
      action: 'putObject',
    });
    expect(taskTarget(task('arn:aws:states:::ecs:runTask.sync'))).toMatchObject({
      service: 'ecs',
      action: 'runTask',
    });
  });
});

describe('pathUsage', () => {
  const success = enumeratePaths(ticketMachine()).find((p) =>
    describePath(p).endsWith('KeyToComplete? default > success'),
  );

  it('counts transitions, Lambda invocations and calls of a Generate success', () => {
    const usage = success && pathUsage(success, { retries: 0, callsInsideLambda: CALLS_INSIDE_LAMBDA });
    expect(usage).toEqual(generateSuccess);
  });

  it('adds retried attempts to states with a Retry, capped at MaxAttempts', () => {
    // GenerateTicket, EncryptTicket, StoreTicket and PublishTicket retry at most twice each.
    const usage = success && pathUsage(success, { retries: 5, callsInsideLambda: CALLS_INSIDE_LAMBDA });
    // The seat claim (ClaimSeat) has no Retry: a refused claim is an answer, not a fault.
    expect(usage?.transitions).toBe(16 + 2 * 4);
    expect(usage?.lambdas.map((l) => l.invocations)).toEqual([3, 3]);
    expect(usage?.calls).toEqual([
      expect.objectContaining({ service: 's3', action: 'putObject', count: 1 + 3 }),
      expect.objectContaining({ service: 'kms', count: 3 }),
      expect.objectContaining({ service: 'sns', action: 'publish', count: 3 }),
    ]);
  });

  it('uses the ASL default of 3 attempts when MaxAttempts is left out', () => {
    const [path] = enumeratePaths(
      machine(`
StartAt: Put
States:
  Put:
    Type: Task
    Resource: arn:aws:states:::aws-sdk:s3:putObject
    Retry: [{ ErrorEquals: [States.ALL] }]
    End: true
`),
    );
    const usage = path && pathUsage(path, { retries: 9, callsInsideLambda: {} });
    expect(usage).toMatchObject({
      transitions: 4,
      calls: [{ service: 's3', action: 'putObject', count: 4 }],
    });
  });
});
