import { buildDot } from '../../../tools/diagram/dot';
import { SEED_STATES } from '../../support/seed-states';
import { machine, ticketMachine } from './asl-fixtures';

const dot = buildDot(ticketMachine());

/** The attribute list of a node or edge statement, by its opening text. */
function statement(start: string): string {
  const line = dot.split('\n').find((l) => l.trim().startsWith(start));
  if (!line) throw new Error(`No statement starts with ${start}`);
  return line;
}

/** The body of a cluster, up to its closing brace. */
function cluster(id: string): string {
  const lines = dot.split('\n');
  const open = lines.findIndex((l) => l.includes(`subgraph "cluster_${id}" {`));
  const indent = lines[open]?.search(/\S/) ?? 0;
  const close = lines.findIndex((l, i) => i > open && l.search(/\S/) === indent && l.trim() === '}');
  return lines.slice(open, close + 1).join('\n');
}

describe('buildDot on statemachines/ticket.asl.yml', () => {
  it('declares every state, branch states included', () => {
    const states = SEED_STATES;
    for (const state of states) expect(dot).toMatch(new RegExp(`^ +"${state.replace('?', '\\?')}" \\[`, 'm'));
  });

  it('draws each Parallel as a cluster holding one cluster per branch', () => {
    expect(cluster('FilterDetails')).toContain('label="FilterDetails (Parallel)"');
    expect(cluster('FilterDetails_1')).toContain('"FilterCustomer" [');
    expect(cluster('FilterDetails_2')).toContain('"FilterEvent" [');
    expect(cluster('Distribute')).toContain('subgraph "cluster_Distribute_3"');
    expect(cluster('Distribute_3')).toContain('"TicketIssued" [');
  });

  it('labels Choice edges with the compared value, and the Default', () => {
    expect(statement('"SelectAction" -> "FilterDetails"')).toContain('label="request.action == Generate"');
    expect(statement('"SelectAction" -> "FetchTicket"')).toContain('label="request.action == Fetch"');
    expect(statement('"SelectAction" -> "InvalidAction"')).toContain('label="Default"');
    expect(statement('"TicketGenerated?" -> "EncryptTicket"')).toContain(
      'label="ticket.plaintext.ticketId present"',
    );
  });

  it('dashes Catch edges and labels them with the errors caught', () => {
    const generate = statement('"GenerateTicket" -> "NoteGenerationFailed"');
    expect(generate).toContain('label="Catch: States.ALL"');
    expect(generate).toContain('style=dashed');
    expect(statement('"FetchTicket" -> "TicketNotFound"')).toContain('label="Catch: S3.NoSuchKeyException"');
  });

  it('shapes states by type and says what each Task calls', () => {
    expect(statement('"SelectAction" [')).toContain('shape=diamond');
    expect(statement('"GenerateTicket" [')).toMatch(
      /shape=box.*Lambda: generateTicket.*Retry 2x on 4 Lambda\.\* errors/,
    );
    expect(statement('"StoreTicket" [')).toContain('S3 putObject');
    expect(statement('"PublishTicket" [')).toContain('SNS publish');
    expect(statement('"GenerationFailed" [')).toMatch(
      /shape=octagon.*color="#c62828".*Error: TicketGenerationFailed/,
    );
    expect(statement('"TicketIssued" [')).toMatch(/peripheries=2.*color="#2e7d32"/);
    expect(statement('"FilterCustomer" [')).toContain('style="rounded,dashed"');
  });

  it('starts at StartAt and ends the End states, a Parallel from its join bar', () => {
    expect(statement('"__start" -> ')).toContain('"SelectAction"');
    expect(statement('"Distribute::join" -> "KeyToComplete?"')).toBeDefined();
    expect(statement('"AnswerTicket" -> "__end"')).toBeDefined();
    expect(statement('"FetchTicket" -> "__end"')).toBeDefined();
    expect(statement('"TicketIssued" -> "Distribute::join"')).toBeDefined();
  });

  it('keeps edges out of clusters, so no node is pulled into the wrong one', () => {
    expect(cluster('FilterDetails')).not.toContain('->');
  });

  it('is the same text every time', () => {
    expect(buildDot(ticketMachine())).toBe(dot);
  });
});

describe('buildDot on synthetic machines', () => {
  it('ends a nested Parallel at the outer join, and a Map at its item processor', () => {
    const text = buildDot(
      machine(`
StartAt: Outer
States:
  Outer:
    Type: Parallel
    Branches:
      - StartAt: Inner
        States:
          Inner:
            Type: Parallel
            Branches: [{ StartAt: Leaf, States: { Leaf: { Type: Pass, End: true } } }]
            End: true
    Next: Each
  Each:
    Type: Map
    ItemProcessor: { StartAt: Item, States: { Item: { Type: Wait, Seconds: 1, End: true } } }
    Catch: [{ ErrorEquals: [States.ALL], Next: Oops }]
    End: true
  Oops: { Type: Fail, Error: "Bad \\"quote\\"" }
`),
      'Synthetic',
    );
    expect(text).toContain('"Inner::join" -> "Outer::join";');
    expect(text).toContain('label="Each (Map)"');
    expect(text).toContain('label="Item processor"');
    expect(text).toMatch(/"Each::join" -> "Oops" \[label="Catch: States.ALL".*ltail="cluster_Each"/);
    expect(text).toContain('Error: Bad &quot;quote&quot;');
  });

  it("draws a Task's Comment under what it calls, above its retries", () => {
    const text = buildDot(
      machine(`
StartAt: Seal
States:
  Seal:
    Type: Task
    Comment: 'Out: a sealed message, base64'
    Resource: arn:aws:states:::lambda:invoke
    Parameters: { FunctionName: seal, Payload.$: $ }
    Retry: [{ ErrorEquals: [Lambda.ServiceException], MaxAttempts: 2 }]
    End: true
`),
    );
    expect(text).toMatch(/Lambda: seal.*Out: a sealed message, base64.*Retry 2x on Lambda\.ServiceException/);
  });
});
