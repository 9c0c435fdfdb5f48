import { describePath, namePaths } from '../../../tools/cost/path-names';
import { enumeratePaths, type Path } from '../../../tools/cost/paths';
import { machine, ticketMachine } from './asl-fixtures';

const names = (paths: Path[]) => paths.map((p) => p.steps.map((s) => s.name).join(' '));

describe('enumeratePaths on synthetic machines', () => {
  it('follows Next to End as one successful path', () => {
    const paths = enumeratePaths(
      machine(`
StartAt: A
States:
  A: { Type: Pass, Next: B }
  B: { Type: Task, Resource: 'arn:aws:states:::sns:publish', End: true }
`),
    );
    expect(names(paths)).toEqual(['A B']);
    expect(paths[0]?.outcome).toEqual({ kind: 'success', via: 'End' });
  });

  it('takes every Choice rule and the Default, naming each by the compared value', () => {
    const paths = enumeratePaths(
      machine(`
StartAt: Pick
States:
  Pick:
    Type: Choice
    Choices:
      - { Variable: $.kind, StringEquals: a, Next: A }
      - { Variable: $.n, NumericGreaterThan: 3, Next: Done }
    Default: Bad
  A: { Type: Succeed }
  Done: { Type: Pass, End: true }
  Bad: { Type: Fail, Error: NoKind }
`),
    );
    expect(names(paths)).toEqual(['Pick A', 'Pick Done', 'Pick Bad']);
    expect(paths.map(describePath)).toEqual(['a > success', 'n > 3 > success', 'Pick default > fail NoKind']);
  });

  it('adds a States.NoChoiceMatched failure when a Choice has no Default', () => {
    const paths = enumeratePaths(
      machine(`
StartAt: Pick
States:
  Pick: { Type: Choice, Choices: [{ Variable: $.x, IsPresent: true, Next: Ok }] }
  Ok: { Type: Succeed }
`),
    );
    expect(paths.map((p) => p.outcome)).toEqual([
      { kind: 'success', via: 'Succeed' },
      { kind: 'fail', error: 'States.NoChoiceMatched', at: 'Pick' },
    ]);
  });

  it('adds a path for each Catch of a Task', () => {
    const paths = enumeratePaths(
      machine(`
StartAt: Call
States:
  Call:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters: { FunctionName: fn }
    Catch:
      - { ErrorEquals: [Timeout], Next: Slow }
      - { ErrorEquals: [States.ALL], Next: Broken }
    End: true
  Slow: { Type: Fail, Error: TooSlow }
  Broken: { Type: Fail, Error: Broken }
`),
    );
    expect(paths.map(describePath)).toEqual([
      'success',
      'Call caught Timeout > fail TooSlow',
      'Call caught States.ALL > fail Broken',
    ]);
  });

  it('enters a Parallel and every branch, one path per combination of branch paths', () => {
    const paths = enumeratePaths(
      machine(`
StartAt: Both
States:
  Both:
    Type: Parallel
    Branches:
      - StartAt: Left
        States:
          Left: { Type: Choice, Choices: [{ Variable: $.l, BooleanEquals: true, Next: L1 }], Default: L2 }
          L1: { Type: Pass, End: true }
          L2: { Type: Pass, Next: L3 }
          L3: { Type: Succeed }
      - StartAt: Right
        States:
          Right: { Type: Pass, End: true }
    Next: After
  After: { Type: Succeed }
`),
    );
    expect(names(paths)).toEqual(['Both Left L1 Right After', 'Both Left L2 L3 Right After']);
    expect(paths[0]?.steps.find((s) => s.name === 'Right')?.scope).toEqual(['Both[2]']);
  });

  it('routes a failing branch to the Parallel Catch, or fails the execution without one', () => {
    const yaml = (catcher: string) => `
StartAt: Both
States:
  Both:
    Type: Parallel
    Branches:
      - StartAt: Check
        States:
          Check: { Type: Choice, Choices: [{ Variable: $.ok, BooleanEquals: true, Next: Fine }], Default: Nope }
          Fine: { Type: Succeed }
          Nope: { Type: Fail, Error: Nope }
    ${catcher}
    End: true
  Handle: { Type: Pass, End: true }
`;
    const caught = enumeratePaths(machine(yaml('Catch: [{ ErrorEquals: [States.ALL], Next: Handle }]')));
    expect(caught.map(describePath)).toEqual([
      'true > success',
      'Check default > Both caught Nope > success',
    ]);
    expect(names(caught)[1]).toBe('Both Check Nope Handle');
    const uncaught = enumeratePaths(machine(yaml('')));
    expect(uncaught[1]?.outcome).toEqual({ kind: 'fail', error: 'Nope', at: 'Nope' });
  });

  it('stops a path that loops back, once round', () => {
    const paths = enumeratePaths(
      machine(`
StartAt: Poll
States:
  Poll: { Type: Task, Resource: 'arn:aws:states:::aws-sdk:s3:headObject', Next: Ready? }
  Ready?: { Type: Choice, Choices: [{ Variable: $.ready, BooleanEquals: false, Next: Poll }], Default: Ok }
  Ok: { Type: Succeed }
`),
    );
    expect(paths.map((p) => p.outcome)).toEqual([
      { kind: 'loop', to: 'Poll' },
      { kind: 'success', via: 'Succeed' },
    ]);
  });
});

describe('enumeratePaths on statemachines/ticket.asl.yml', () => {
  const paths = enumeratePaths(ticketMachine());
  const byName = new Map(namePaths(paths).map((name, i) => [name, paths[i]]));

  it('finds the feasible paths, the main ones with a readable name', () => {
    // A compensation chain notes its outcome and branches on it later: only the matching pairs count.
    expect(paths).toHaveLength(25);
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining([
        'Generate success',
        'Generate success, with an Idempotency-Key',
        'Generate retried (same key: the same ticket)',
        'Key reused with another request',
        'Key still in progress',
        'Seat taken',
        'Event already started (claim released)',
        'Generate failed (no ticketId)',
        'Generate failed (caught)',
        'Store or publish failed (withdrawn, claim released)',
        'Completing the key failed (withdrawn, claims released)',
        'Fetch found',
        'Fetch not found',
        'Invalid action',
      ]),
    );
  });

  it('claims the seat before generating on a Generate success, Parallel and branch states included', () => {
    expect(byName.get('Generate success')?.steps.map((s) => s.name)).toEqual([
      'SelectAction',
      'FilterDetails',
      'FilterCustomer',
      'FilterEvent',
      'PlanClaims',
      'IdempotencyKeySent?',
      'ClaimSeat',
      'GenerateTicket',
      'TicketGenerated?',
      'EncryptTicket',
      'Distribute',
      'StoreTicket',
      'PublishTicket',
      'TicketIssued',
      'KeyToComplete?',
      'AnswerTicket',
    ]);
  });

  it('counts the states of the other paths', () => {
    const counts = Object.fromEntries(
      [
        'Seat taken',
        'Generate retried (same key: the same ticket)',
        'Fetch found',
        'Fetch not found',
        'Invalid action',
      ].map((name) => [name, byName.get(name)?.steps.length]),
    );
    expect(counts).toEqual({
      'Seat taken': 12,
      'Generate retried (same key: the same ticket)': 12,
      'Fetch found': 2,
      'Fetch not found': 3,
      'Invalid action': 2,
    });
  });

  it('ends the failures in the named Fail states, after releasing what was claimed', () => {
    expect(byName.get('Generate failed (caught)')?.outcome).toEqual({
      kind: 'fail',
      error: 'TicketGenerationFailed',
      at: 'GenerationFailed',
    });
    expect(byName.get('Generate failed (caught)')?.steps.map((s) => s.name)).toContain('ReleaseSeat');
    expect(byName.get('Seat taken')?.steps.map((s) => s.name)).not.toContain('ReleaseSeat');
    expect(byName.get('Fetch not found')?.outcome).toMatchObject({ error: 'TicketNotFound' });
    expect(byName.get('Invalid action')?.outcome).toMatchObject({ error: 'InvalidAction' });
  });
});
