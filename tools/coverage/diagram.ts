import type { Machine } from '../asl/definition';
import type { Edge } from '../asl/edges';
import { buildDot } from '../diagram/dot';
import { quote } from '../diagram/dot-labels';
import type { CoverageReport } from './compare';

// Colour and line style both tell the three apart (colour alone fails in greyscale and for some readers).
const LOOK = {
  taken: { color: '"#2e7d32"', fontcolor: '"#2e7d32"', style: 'solid', penwidth: '1.8' },
  uncovered: { color: '"#d50000"', fontcolor: '"#d50000"', style: 'dashed', penwidth: '2.2' },
  excluded: { color: '"#9e9e9e"', fontcolor: '"#757575"', style: 'dotted', penwidth: '1.4' },
} as const;

type Look = keyof typeof LOOK;

function lookOf(report: CoverageReport, edge: Edge): Look {
  if ((report.counts.get(edge.id) ?? 0) > 0) return 'taken';
  return report.excluded.some((x) => x.edge.id === edge.id) ? 'excluded' : 'uncovered';
}

function legend(): string[] {
  const rows: [Look, string][] = [
    ['taken', 'taken'],
    ['uncovered', 'not taken'],
    ['excluded', 'not taken, excluded'],
  ];
  const lines = [
    'subgraph "cluster_legend" {',
    '  label="Coverage"; fontsize=11; style=rounded; color="#b0bec5";',
  ];
  for (const [look, text] of rows) {
    const [a, b] = [quote(`legend_${look}_a`), quote(`legend_${look}_b`)];
    lines.push(`  ${a} [shape=point, width=0.05, color="#b0bec5"];`);
    lines.push(`  ${b} [shape=plaintext, label=${quote(text)}, fontsize=10];`);
    const attrs = Object.entries(LOOK[look]).map(([k, v]) => `${k}=${v}`);
    lines.push(`  ${a} -> ${b} [${attrs.join(', ')}, arrowhead=none, minlen=2];`);
  }
  lines.push('}');
  return lines;
}

/** The workflow diagram (tools/diagram), with retries drawn and every edge styled by its coverage. */
export function coverageDot(machine: Machine, report: CoverageReport): string {
  const title = `${machine.Comment ?? 'State machine'}: transition coverage`;
  return buildDot(machine, title, {
    retries: true,
    edgeStyle: (edge) => {
      const count = report.counts.get(edge.id) ?? 0;
      return { ...LOOK[lookOf(report, edge)], tooltip: quote(`${edge.id}: taken ${count}x`) };
    },
    appendix: legend(),
  });
}
