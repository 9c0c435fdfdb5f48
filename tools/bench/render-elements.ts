// Section 6 of docs/benchmarks.md: the element costs, and one Generate priced by them.
import { mdTable, ms, ratio, skipped } from '../shared/markdown';
import type { ElementKind, ElementSection } from './report-types';

type Ok = Extract<ElementSection, { status: 'ok' }>;

/**
 * What one element adds to an execution, from the machines' p50s. `base` is the one-Pass machine: the
 * execution's own cost plus one Pass. Eleven Passes add ten; the Parallel machine has a Parallel and two
 * Passes instead of one Pass; a task machine has its task instead of the Pass.
 */
export function elementCosts(
  p50: (machine: string) => number,
): Record<ElementKind, number> & { base: number } {
  const base = p50('one Pass');
  const pass = (p50('eleven Pass') - base) / 10;
  const task = (machine: string) => p50(machine) - base + pass;
  return {
    base,
    'Pass, Choice, Succeed or Fail': pass,
    Parallel: p50('Parallel of two Pass') - base - pass,
    'S3 task': task('S3 PutObject task'),
    'SNS task': task('SNS Publish task'),
    'Lambda task': task('Lambda task'),
    other: Number.NaN,
  };
}

/** One Generate priced element by element: the execution's own cost (base less its Pass) plus each state. */
export function pricedPath(section: Ok) {
  const byMachine = new Map(section.machines.map((m) => [m.machine, m.p50Ms]));
  const costs = elementCosts((machine) => byMachine.get(machine) ?? Number.NaN);
  const execution = costs.base - costs['Pass, Choice, Succeed or Fail'];
  const rows = section.path.map(({ kind, count }) => ({
    kind,
    count,
    each: costs[kind],
    total: count * costs[kind],
  }));
  const priced = rows.filter((r) => Number.isFinite(r.total));
  const estimate = execution + priced.reduce((sum, r) => sum + r.total, 0);
  return { costs, execution, rows, estimate, unpriced: rows.length - priced.length };
}

export function renderElements(section: ElementSection): string {
  const title = '## 6. What each workflow element costs (Step Functions, without API Gateway)';
  if (section.status === 'skipped') return [title, skipped(section)].join('\n\n');
  const { costs, execution, rows, estimate, unpriced } = pricedPath(section);
  const machines = section.machines.map((m) => [m.machine, ms(m.p50Ms)]);
  const kinds: ElementKind[] = [
    'Pass, Choice, Succeed or Fail',
    'Parallel',
    'S3 task',
    'SNS task',
    'Lambda task',
  ];
  const path = rows.map((r) => [
    r.kind,
    String(r.count),
    Number.isFinite(r.each) ? ms(r.each) : 'not priced',
    Number.isFinite(r.total) ? ms(r.total) : '',
  ]);
  const generate = section.generateP50Ms;
  return [
    title,
    `One EXPRESS machine per kind of element (\`tools/bench/element-stack.ts\`), each called with \`StartSyncExecution\` one at a time, the machines taking turns: ${section.rounds} rounds of ${section.callsPerRound} calls each, with the speed patches as the emulator runs them. The Lambda task calls the deployed generateTicket as the workflow does; the S3 task writes one key of the stage's bucket; the SNS task publishes to a topic of its own. **Generate** is the ticket machine itself, called the same way with a fresh event each time.`,
    mdTable(
      ['Machine', 'p50 ms'],
      [...machines, ['Generate (the ticket machine)', ms(generate)]],
      ['left', 'right'],
    ),
    'What one element adds, from those p50s (the one-Pass machine is the execution plus one Pass; eleven Passes add ten; the Parallel machine has a Parallel and two Passes where it has one Pass; a task machine has its task instead):',
    mdTable(
      ['Element', 'adds ms'],
      [
        ['an execution of its own (one-Pass machine less its Pass)', ms(execution)],
        ...kinds.map((k) => [k, ms(costs[k])]),
      ],
      ['left', 'right'],
    ),
    rows.length
      ? [
          "The states one Generate entered (the extension's coverage recorder, before and after one execution), priced by kind:",
          mdTable(['Kind', 'states entered', 'ms each', 'ms'], path, ['left', 'right', 'right', 'right']),
          `Priced: **${ms(estimate)} ms** (the execution's own ${ms(execution)} ms plus its states${unpriced ? `; ${unpriced} kind(s) not priced` : ''}); measured: **${ms(generate)} ms**, ${ratio(generate / costs.base)} the one-Pass machine. What is not priced is what the states do beyond the element machines: encryptTicket's own KMS call and encryption (the Lambda task machine calls generateTicket), larger documents, Retry and Catch. Branches of a Parallel run in threads of one Python process, so their costs add up rather than overlap.`,
          `Against the goal of 3x the floor: 3x the one-Pass machine leaves ${ms(2 * costs.base)} ms for the states; their elements alone are priced at ${ms(estimate - execution)} ms.`,
        ].join('\n\n')
      : '> The coverage recorder was off or not there (mode D): the states one Generate entered are not known.',
  ].join('\n\n');
}
