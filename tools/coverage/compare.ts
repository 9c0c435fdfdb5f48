import type { Machine } from '../asl/definition';
import { allEdges, allStates, type Edge } from '../asl/edges';
import type { RecordedMachine } from '../client/transition-coverage';
import type { Exclusions } from './exclusions';

export type CoverageReport = {
  /** The recorded state machines the counts come from. */
  machines: string[];
  states: { total: number; covered: number; uncovered: string[] };
  edges: { total: number; covered: number };
  /** Edge id -> times taken (0 for an edge never taken). */
  counts: Map<string, number>;
  /** Not taken and not excluded: the gate fails on these. */
  uncovered: Edge[];
  /** Excluded and not taken, with the reason. */
  excluded: { edge: Edge; reason: string }[];
  /** Problems with the exclusion list or the recording; the gate fails on these too. */
  problems: string[];
};

/** The ticket workflow's state machines, in every stage (serverless.yml: `${service}-${stage}-ticket`). */
export const isTicketMachine = (name: string) => /^ticket-orchestrator-.+-ticket$/.test(name);

function sum(into: Map<string, number>, key: string, count: number): void {
  into.set(key, (into.get(key) ?? 0) + count);
}

/** Compares what the executions took (summed over `recorded`) with every edge of the definition. */
export function compareCoverage(
  machine: Machine,
  recorded: RecordedMachine[],
  exclusions: Exclusions,
): CoverageReport {
  const edges = allEdges(machine);
  const states = allStates(machine);
  const counts = new Map(edges.map((e) => [e.id, 0]));
  const entered = new Map<string, number>();
  const problems: string[] = [];
  for (const m of recorded) {
    for (const [state, count] of Object.entries(m.states)) sum(entered, state, count);
    for (const edge of m.edges) {
      if (!counts.has(edge.id))
        problems.push(`${m.name} took ${edge.id}, which the definition does not have`);
      sum(counts, edge.id, edge.count);
    }
  }
  const taken = (e: Edge) => (counts.get(e.id) ?? 0) > 0;
  for (const [id, reason] of exclusions) {
    const edge = edges.find((e) => e.id === id);
    if (!edge) problems.push(`exclusion ${id} names no edge of the definition (${reason})`);
    else if (taken(edge))
      problems.push(`exclusion ${id} is stale: the suite took it; remove it from the list`);
  }
  const uncoveredStates = states.filter((s) => !entered.has(s));
  return {
    machines: recorded.map((m) => m.name),
    states: {
      total: states.length,
      covered: states.length - uncoveredStates.length,
      uncovered: uncoveredStates,
    },
    edges: { total: edges.length, covered: edges.filter(taken).length },
    counts,
    uncovered: edges.filter((e) => !taken(e) && !exclusions.has(e.id)),
    excluded: edges
      .filter((e) => !taken(e) && exclusions.has(e.id))
      .map((edge) => ({ edge, reason: exclusions.get(edge.id) ?? '' })),
    problems: [...new Set(problems)],
  };
}
