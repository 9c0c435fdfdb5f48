import { allEdges, allStates, edgeId } from '../../../tools/asl/edges';
import { machine, ticketMachine } from './asl-fixtures';

const small = machine(`
StartAt: Pick
States:
  Pick:
    Type: Choice
    Choices:
      - { Variable: $.a, StringEquals: x, Next: Fan }
    Default: Done
  Fan:
    Type: Parallel
    Branches:
      - { StartAt: Calm, States: { Calm: { Type: Pass, End: true } } }
      - { StartAt: Last, States: { Last: { Type: Succeed } } }
    Retry: [{ ErrorEquals: [Boom], MaxAttempts: 1 }]
    Catch: [{ ErrorEquals: [Other], Next: Done }, { ErrorEquals: [States.ALL], Next: Done }]
    Next: Done
  Never:
    Type: Task
    Resource: arn:aws:states:::sns:publish
    Retry: [{ ErrorEquals: [States.ALL], MaxAttempts: 0 }]
    End: true
  Done: { Type: Fail, Error: Done }
`);

describe('the edges of a definition, with the ids the coverage recorder reports', () => {
  it('lists every kind of edge, nested branches included, in definition order', () => {
    expect(allEdges(small).map((e) => e.id)).toEqual([
      'Pick -[choice 0]-> Fan',
      'Pick -[default]-> Done',
      'Fan -[branch 0]-> Calm',
      'Fan -[branch 1]-> Last',
      'Calm -> (end)',
      'Last -> (end)',
      'Fan -> Done',
      'Fan -[catch 0]-> Done',
      'Fan -[catch 1]-> Done',
      'Fan -[retry]-> Fan',
      'Never -> (end)', // a Retry with MaxAttempts 0 never retries
    ]);
  });

  it('lists nested states with the top-level ones', () => {
    expect(allStates(small)).toEqual(['Pick', 'Fan', 'Calm', 'Last', 'Never', 'Done']);
  });

  it('writes ids as recorder.py edge_id does (its pytest pins the same strings)', () => {
    expect(edgeId('A', 'next', undefined, 'B')).toBe('A -> B');
    expect(edgeId('A', 'end', undefined, '(end)')).toBe('A -> (end)');
    expect(edgeId('A', 'choice', 0, 'B')).toBe('A -[choice 0]-> B');
    expect(edgeId('A', 'default', undefined, 'B')).toBe('A -[default]-> B');
    expect(edgeId('A', 'catch', 2, 'B')).toBe('A -[catch 2]-> B');
    expect(edgeId('A', 'retry', undefined, 'A')).toBe('A -[retry]-> A');
    expect(edgeId('P', 'branch', 1, 'S')).toBe('P -[branch 1]-> S');
  });

  it('gives every edge of the ticket workflow its own id', () => {
    const ids = allEdges(ticketMachine()).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('FilterDetails -[branch 1]-> FilterEvent');
    expect(ids).toContain('GenerateTicket -[retry]-> GenerateTicket');
    expect(ids).toContain('TicketIssued -> (end)');
  });
});
