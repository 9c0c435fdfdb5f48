import type { RecordedMachine } from '../../../tools/client/transition-coverage';
import { compareCoverage, isTicketMachine } from '../../../tools/coverage/compare';
import { coverageDot } from '../../../tools/coverage/diagram';
import { parseExclusions } from '../../../tools/coverage/exclusions';
import { renderCoverageMarkdown } from '../../../tools/coverage/render-md';
import { machine } from './asl-fixtures';

const definition = machine(`
StartAt: Pick
States:
  Pick:
    Type: Choice
    Choices: [{ Variable: $.a, StringEquals: x, Next: Work }]
    Default: Done
  Work:
    Type: Task
    Resource: arn:aws:states:::sns:publish
    Retry: [{ ErrorEquals: [States.ALL], MaxAttempts: 1 }]
    Catch: [{ ErrorEquals: [States.ALL], Next: Done }]
    Next: Done
  Done: { Type: Succeed }
`);

function recorded(name: string, edges: Record<string, number>, states: string[]): RecordedMachine {
  const list = Object.entries(edges).map(([id, count]) => ({ id, source: '', kind: '', target: '', count }));
  return { arn: `arn:${name}`, name, states: Object.fromEntries(states.map((s) => [s, 1])), edges: list };
}

const local = recorded(
  'ticket-orchestrator-local-ticket',
  { 'Pick -[choice 0]-> Work': 2, 'Work -> Done': 2 },
  ['Pick', 'Work'],
);
const apiKey = recorded('ticket-orchestrator-local-apikey-ticket', { 'Done -> (end)': 1 }, ['Done']);

describe('coverage of a definition by recorded executions', () => {
  it('sums machines, and counts states and edges taken', () => {
    const report = compareCoverage(definition, [local, apiKey], new Map());
    expect(report.states).toEqual({ total: 3, covered: 3, uncovered: [] });
    expect(report.edges).toEqual({ total: 6, covered: 3 });
    expect(report.counts.get('Pick -[choice 0]-> Work')).toBe(2);
    expect(report.uncovered.map((e) => e.id)).toEqual([
      'Pick -[default]-> Done',
      'Work -[catch 0]-> Done',
      'Work -[retry]-> Work',
    ]);
    expect(report.problems).toEqual([]);
  });

  it('moves an excluded edge out of the uncovered list, with its reason', () => {
    const exclusions = parseExclusions('"Work -[retry]-> Work": needs a fault nobody injects yet\n');
    const report = compareCoverage(definition, [local], exclusions);
    expect(report.excluded.map((x) => [x.edge.id, x.reason])).toEqual([
      ['Work -[retry]-> Work', 'needs a fault nobody injects yet'],
    ]);
    expect(report.uncovered.map((e) => e.id)).not.toContain('Work -[retry]-> Work');
  });

  it('reports a stale exclusion, an exclusion of no edge, and an edge the definition lacks', () => {
    const exclusions = parseExclusions('"Work -> Done": was hard\n"Gone -> Away": renamed since\n');
    const odd = recorded('ticket-orchestrator-x-ticket', { 'Work -> Elsewhere': 1 }, []);
    const { problems } = compareCoverage(definition, [local, odd], exclusions);
    expect(problems).toEqual([
      'ticket-orchestrator-x-ticket took Work -> Elsewhere, which the definition does not have',
      'exclusion Work -> Done is stale: the suite took it; remove it from the list',
      'exclusion Gone -> Away names no edge of the definition (renamed since)',
    ]);
  });

  it('refuses an exclusion without a reason', () => {
    expect(() => parseExclusions('"Work -> Done":\n')).toThrow('has no reason');
  });

  it("takes the ticket workflow's machines of every stage, and no other", () => {
    expect(isTicketMachine('ticket-orchestrator-local-ticket')).toBe(true);
    expect(isTicketMachine('ticket-orchestrator-local-apikey-ticket')).toBe(true);
    expect(isTicketMachine('speed-eq-ticket-1')).toBe(false);
    expect(isTicketMachine('coverage-1a2b')).toBe(false);
  });

  it('draws taken, uncovered and excluded edges apart, retries included, with a legend', () => {
    const exclusions = parseExclusions('"Work -[retry]-> Work": no fault for it\n');
    const dot = coverageDot(definition, compareCoverage(definition, [local], exclusions));
    const line = (from: string, to: string) =>
      dot.split('\n').find((l) => l.includes(`"${from}" -> "${to}"`));
    expect(line('Work', 'Done')).toMatch(/color="#2e7d32".*style=solid/);
    expect(line('Pick', 'Done')).toMatch(/color="#d50000".*style=dashed/);
    expect(line('Work', 'Work')).toMatch(/label="Retry".*color="#9e9e9e".*style=dotted/);
    expect(dot).toContain('subgraph "cluster_legend"');
  });

  it('writes the figures, the uncovered and the excluded edges in the markdown', () => {
    const exclusions = parseExclusions('"Work -[retry]-> Work": no fault for it\n');
    const md = renderCoverageMarkdown(compareCoverage(definition, [local], exclusions), 'c.svg');
    expect(md).toMatch(/\| States entered +\| +2 \| +3 \| +67% \|/);
    expect(md).toMatch(/\| Edges taken +\| +2 \| +6 \| +33% \|/);
    expect(md).toContain('| `Pick -[default]-> Done` ');
    expect(md).toMatch(/\| `Work -\[retry\]-> Work` +\| no fault for it +\|/);
    expect(md).toContain('![The workflow with taken, uncovered and excluded edges](c.svg)');
  });
});
