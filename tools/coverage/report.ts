import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDefinition, TICKET_ASL } from '../asl/definition';
import { readYaml } from '../asl/read-yaml';
import type { RecordedCoverage } from '../client/transition-coverage';
import { renderSvg } from '../diagram/render-svg';
import { type CoverageReport, compareCoverage, isTicketMachine } from './compare';
import { coverageDot } from './diagram';
import { readExclusions } from './exclusions';
import { renderCoverageMarkdown } from './render-md';

const ROOT = join(__dirname, '..', '..');
export const EXCLUSIONS = join(ROOT, 'tests', 'integration', 'coverage-exclusions.yml');
const MD = join(ROOT, 'docs', 'workflow-coverage.md');
const SVG = join(ROOT, 'docs', 'workflow-coverage.svg');

/**
 * The one path from the recorder's counts to the report: compares them with the definition and the
 * exclusion list, writes docs/workflow-coverage.md and .svg, and answers the comparison. Used by
 * `make coverage` and by the integration suite's gate.
 */
export async function writeCoverageReport(recorded: RecordedCoverage): Promise<CoverageReport> {
  if (!recorded.enabled)
    throw new Error(
      'the coverage recorder is off (TICKET_COVERAGE=0 at LocalStack start): nothing to report',
    );
  const machine = parseDefinition(readYaml(TICKET_ASL));
  const ours = recorded.machines.filter((m) => isTicketMachine(m.name));
  const report = compareCoverage(machine, ours, readExclusions(EXCLUSIONS));
  if (recorded.dropped > 0)
    report.problems.push(`the recorder dropped ${recorded.dropped} machines' counts (over its bound)`);
  writeFileSync(SVG, await renderSvg(coverageDot(machine, report)));
  writeFileSync(MD, renderCoverageMarkdown(report, relative(join(ROOT, 'docs'), SVG)));
  return report;
}

/** One line per figure, for the terminal. */
export function summaryLines(report: CoverageReport): string[] {
  const { states, edges } = report;
  return [
    `states ${states.covered}/${states.total}, edges ${edges.covered}/${edges.total}, excluded ${report.excluded.length}, uncovered ${report.uncovered.length}`,
    ...report.uncovered.map((e) => `  not taken: ${e.id}`),
    ...report.problems.map((p) => `  problem: ${p}`),
    `Wrote ${relative(ROOT, MD)} and ${relative(ROOT, SVG)}.`,
  ];
}
