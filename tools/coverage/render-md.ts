import type { Edge } from '../asl/edges';
import { inlineCode, mdTable } from '../shared/markdown';
import type { CoverageReport } from './compare';

const pct = (covered: number, total: number) => `${total ? ((100 * covered) / total).toFixed(0) : 100}%`;

function what(edge: Edge): string {
  if (edge.kind === 'catch') return `Catch ${edge.index}: ${(edge.errors ?? []).join(', ')}`;
  if (edge.kind === 'choice') return `Choice rule ${edge.index}`;
  if (edge.kind === 'branch') return `Branch ${edge.index} starts`;
  return edge.kind === 'default'
    ? 'Default'
    : edge.kind === 'end'
      ? 'End'
      : edge.kind === 'retry'
        ? 'Retry'
        : 'Next';
}

/** docs/workflow-coverage.md. No date in it: the same run gives the same file. */
export function renderCoverageMarkdown(report: CoverageReport, svgName: string): string {
  const { states, edges } = report;
  const summary = mdTable(
    ['', 'Covered', 'Total', ''],
    [
      ['States entered', String(states.covered), String(states.total), pct(states.covered, states.total)],
      ['Edges taken', String(edges.covered), String(edges.total), pct(edges.covered, edges.total)],
      ['Edges excluded (not taken, with a reason)', String(report.excluded.length), '', ''],
      ['Edges not taken, not excluded', String(report.uncovered.length), '', ''],
    ],
    ['left', 'right', 'right', 'right'],
  );
  const edgeRows = (list: Edge[]) => list.map((e) => [inlineCode(e.id), what(e)]);
  const all = [...report.counts].map(([id, count]) => [inlineCode(id), String(count)]);
  return [
    '# Workflow transition coverage',
    '',
    'Which states and edges of `statemachines/ticket.asl.yml` the executions took on LocalStack' +
      "'s own Step Functions interpreter, counted by the extension's recorder " +
      '([local-emulation.md](local-emulation.md#transition-coverage)). Written by the integration ' +
      "suite's last test and by `make coverage` (after the suite, and after `make load` if it ran).",
    '',
    `Recorded from: ${report.machines.map(inlineCode).join(', ') || 'no execution'}.`,
    '',
    summary,
    '',
    `![The workflow with taken, uncovered and excluded edges](${svgName})`,
    '',
    `## Not taken, not excluded (${report.uncovered.length})`,
    '',
    report.uncovered.length
      ? mdTable(['Edge', 'What'], edgeRows(report.uncovered), ['left', 'left'])
      : 'None.',
    '',
    `## Excluded (${report.excluded.length})`,
    '',
    'From `tests/integration/coverage-exclusions.yml`:',
    '',
    report.excluded.length
      ? mdTable(
          ['Edge', 'Why no test takes it'],
          report.excluded.map((x) => [inlineCode(x.edge.id), x.reason]),
          ['left', 'left'],
        )
      : 'None.',
    '',
    `## States never entered (${states.uncovered.length})`,
    '',
    states.uncovered.length ? states.uncovered.map((s) => `- ${inlineCode(s)}`).join('\n') : 'None.',
    '',
    ...(report.problems.length ? ['## Problems', '', ...report.problems.map((p) => `- ${p}`), ''] : []),
    '## Every edge, and how often it was taken',
    '',
    mdTable(['Edge', 'Taken'], all, ['left', 'right']),
    '',
  ].join('\n');
}
