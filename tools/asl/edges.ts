import { type ChoiceRule, type Machine, type State, subMachines } from './definition';

/**
 * Every transition a definition allows, with the ids the LocalStack extension's coverage recorder
 * reports for the ones an execution took (localstack/extension/ticket_localstack/coverage/recorder.py):
 *
 *   next     `A -> B`              end      `A -> (end)` (End: true, or a Succeed state)
 *   choice   `A -[choice 0]-> B`   default  `A -[default]-> B`
 *   catch    `A -[catch 1]-> B`    retry    `A -[retry]-> A`
 *   branch   `P -[branch 0]-> S`   (a Parallel starts its branch 0, whose StartAt is S)
 *
 * In a Parallel branch, an `end` edge ends the branch: the diagram draws it to the Parallel's join.
 */
export type EdgeKind = 'next' | 'end' | 'choice' | 'default' | 'catch' | 'retry' | 'branch';

export const END = '(end)';

export type Edge = {
  id: string;
  source: string;
  kind: EdgeKind;
  /** The Choice rule's, Catcher's or branch's index. */
  index?: number;
  target: string;
  rule?: ChoiceRule;
  errors?: string[];
};

const INDEXED: EdgeKind[] = ['choice', 'catch', 'branch'];

export function edgeId(source: string, kind: EdgeKind, index: number | undefined, target: string): string {
  if (kind === 'next' || kind === 'end') return `${source} -> ${target}`;
  return `${source} -[${INDEXED.includes(kind) ? `${kind} ${index}` : kind}]-> ${target}`;
}

function edge(source: string, kind: EdgeKind, target: string, extra: Partial<Edge> = {}): Edge {
  return { id: edgeId(source, kind, extra.index, target), source, kind, target, ...extra };
}

/** A state's own edges, in the order the diagram draws them: rules, Default, Next, End, Catch, Retry. */
export function stateEdges(name: string, state: State): Edge[] {
  const edges = (state.Choices ?? []).map((rule, index) => edge(name, 'choice', rule.Next, { index, rule }));
  if (state.Default) edges.push(edge(name, 'default', state.Default));
  if (state.Next) edges.push(edge(name, 'next', state.Next));
  if (state.End === true || state.Type === 'Succeed') edges.push(edge(name, 'end', END));
  (state.Catch ?? []).forEach((catcher, index) => {
    edges.push(edge(name, 'catch', catcher.Next, { index, errors: catcher.ErrorEquals }));
  });
  // A retrier with MaxAttempts 0 never retries.
  if ((state.Retry ?? []).some((retrier) => (retrier.MaxAttempts ?? 3) > 0)) {
    edges.push(edge(name, 'retry', name));
  }
  return edges;
}

/** A Parallel's branch starts (a Map's item processor is its branch 0). */
export function branchEdges(name: string, state: State): Edge[] {
  return subMachines(state).map((sub, index) => edge(name, 'branch', sub.StartAt, { index }));
}

/** Every state name, nested ones included, in definition order. */
export function allStates(machine: Machine): string[] {
  return Object.entries(machine.States).flatMap(([name, state]) => [
    name,
    ...subMachines(state).flatMap(allStates),
  ]);
}

/** Every edge of the machine, nested machines included. */
export function allEdges(machine: Machine): Edge[] {
  return Object.entries(machine.States).flatMap(([name, state]) => [
    ...branchEdges(name, state),
    ...subMachines(state).flatMap(allEdges),
    ...stateEdges(name, state),
  ]);
}
