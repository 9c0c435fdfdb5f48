import { comparedValue, describeCondition } from '../asl/conditions';
import { type Machine, type State, subMachines } from '../asl/definition';

/** A state entered on a path; `scope` names the Parallel/Map branches around it. */
export interface Step {
  name: string;
  state: State;
  scope: string[];
}

export type Decision =
  | { kind: 'choice'; state: string; rule: number | 'default'; condition: string; value?: string }
  | { kind: 'catch'; state: string; errors: string[] };

export type Outcome =
  | { kind: 'success'; via: 'End' | 'Succeed' }
  | { kind: 'fail'; error: string; at: string }
  | { kind: 'loop'; to: string };

export interface Path {
  steps: Step[];
  decisions: Decision[];
  outcome: Outcome;
}

// Guards against combinatorial blow-up from many Choices inside Parallel branches.
const MAX_PATHS = 10_000;

function prepend(steps: Step[], decisions: Decision[], tails: Path[]): Path[] {
  return tails.map((t) => ({
    steps: [...steps, ...t.steps],
    decisions: [...decisions, ...t.decisions],
    outcome: t.outcome,
  }));
}

/** All branches run: one combination per choice of a path in each branch. */
function combine(branches: Path[][]): Path[] {
  let combos: Path[] = [{ steps: [], decisions: [], outcome: { kind: 'success', via: 'End' } }];
  for (const branch of branches) {
    combos = combos.flatMap((c) =>
      branch.map((b) => ({
        steps: [...c.steps, ...b.steps],
        decisions: [...c.decisions, ...b.decisions],
        // The first failure (or loop) decides how the Parallel ends.
        outcome: c.outcome.kind === 'success' ? b.outcome : c.outcome,
      })),
    );
    if (combos.length > MAX_PATHS) throw new Error(`More than ${MAX_PATHS} paths: too many to enumerate`);
  }
  return combos;
}

function matches(errors: string[], error: string): boolean {
  return errors.includes(error) || errors.includes('States.ALL');
}

class Walker {
  constructor(
    private readonly machine: Machine,
    private readonly scope: string[],
  ) {}

  from(name: string, visited: ReadonlySet<string>): Path[] {
    if (visited.has(name)) return [{ steps: [], decisions: [], outcome: { kind: 'loop', to: name } }];
    const state = this.machine.States[name];
    if (!state) throw new Error(`Unknown state ${name}`);
    const here: Step = { name, state, scope: this.scope };
    const seen = new Set(visited).add(name);
    if (state.Type === 'Succeed')
      return [{ steps: [here], decisions: [], outcome: { kind: 'success', via: 'Succeed' } }];
    if (state.Type === 'Fail') {
      const error = state.Error ?? 'States.Fail';
      return [{ steps: [here], decisions: [], outcome: { kind: 'fail', error, at: name } }];
    }
    if (state.Type === 'Choice') return this.choice(here, seen);
    return this.work(here, seen);
  }

  private choice(here: Step, seen: ReadonlySet<string>): Path[] {
    const { name, state } = here;
    const paths = (state.Choices ?? []).flatMap((rule, i) => {
      const decision: Decision = { kind: 'choice', state: name, rule: i, condition: describeCondition(rule) };
      const value = comparedValue(rule);
      if (value !== undefined) decision.value = value;
      return prepend([here], [decision], this.from(rule.Next, seen));
    });
    const fallback: Decision = { kind: 'choice', state: name, rule: 'default', condition: 'Default' };
    if (state.Default) return [...paths, ...prepend([here], [fallback], this.from(state.Default, seen))];
    const noMatch: Outcome = { kind: 'fail', error: 'States.NoChoiceMatched', at: name };
    return [...paths, { steps: [here], decisions: [fallback], outcome: noMatch }];
  }

  /** Task, Pass, Wait, Parallel, Map: run any branches, then go on, or fail into a Catch. */
  private work(here: Step, seen: ReadonlySet<string>): Path[] {
    const { name, state } = here;
    const branches = subMachines(state).map((sub, i) =>
      new Walker(sub, [...this.scope, `${name}[${i + 1}]`]).from(sub.StartAt, new Set()),
    );
    const catchers = state.Catch ?? [];
    const used = new Set<number>();
    const paths = combine(branches).flatMap((combo) => {
      const steps = [here, ...combo.steps];
      const { outcome } = combo;
      if (outcome.kind === 'loop') return [{ ...combo, steps }];
      if (outcome.kind === 'fail') {
        const index = catchers.findIndex((c) => matches(c.ErrorEquals, outcome.error));
        const catcher = catchers[index];
        if (!catcher) return [{ ...combo, steps }];
        used.add(index);
        const caught: Decision = { kind: 'catch', state: name, errors: [outcome.error] };
        return prepend(steps, [...combo.decisions, caught], this.from(catcher.Next, seen));
      }
      return prepend(steps, combo.decisions, this.next(state, seen));
    });
    // A Catch no modelled failure reaches still is a path: the state itself fails.
    const caught = catchers.flatMap((catcher, i) => {
      if (used.has(i)) return [];
      const decision: Decision = { kind: 'catch', state: name, errors: catcher.ErrorEquals };
      return prepend([here], [decision], this.from(catcher.Next, seen));
    });
    return [...paths, ...caught];
  }

  private next(state: State, seen: ReadonlySet<string>): Path[] {
    if (state.Next) return this.from(state.Next, seen);
    return [{ steps: [], decisions: [], outcome: { kind: 'success', via: 'End' } }];
  }
}

type Rule = { Variable?: string; StringEquals?: string; IsPresent?: boolean };

/**
 * Whether a path can run: a Choice on a value a Pass state set (`Result` at `ResultPath`), or on
 * whether a state wrote a `ResultPath`, is decided by what the path did before it. (Compensation
 * chains note an outcome and then branch on it; without this, every pairing would be a path.)
 */
function feasible(path: Path): boolean {
  const facts = new Map<string, unknown>();
  const written = new Set<string>();
  let rebuilt = false;
  const choices = path.decisions.filter((d) => d.kind === 'choice');
  let next = 0;
  const holds = (rule: Rule): boolean | undefined => {
    if (!rule.Variable) return undefined;
    if (rule.IsPresent !== undefined) {
      const variable = rule.Variable;
      // A field inside an object a state wrote may or may not be there: unknown.
      if ([...written].some((w) => variable.startsWith(`${w}.`))) return undefined;
      if (written.has(variable)) return rule.IsPresent;
      // Absent for sure only once a Pass has rebuilt the whole state from its Parameters.
      return rebuilt ? !rule.IsPresent : undefined;
    }
    if (rule.StringEquals !== undefined && facts.has(rule.Variable))
      return facts.get(rule.Variable) === rule.StringEquals;
    return undefined;
  };
  for (const { state, scope } of path.steps) {
    if (state.Type === 'Choice') {
      const decision = choices[next++];
      if (decision?.kind !== 'choice') continue;
      const rules = (state.Choices ?? []) as Rule[];
      if (decision.rule === 'default') {
        if (rules.some((r) => holds(r) === true)) return false;
      } else {
        const rule = rules[decision.rule];
        if (rule && holds(rule) === false) return false;
        if (rules.slice(0, decision.rule).some((r) => holds(r) === true)) return false;
      }
      continue;
    }
    const { ResultPath, Result, Parameters } = state as {
      ResultPath?: string | null;
      Result?: unknown;
      Parameters?: Record<string, unknown>;
    };
    if (state.Type === 'Pass' && Parameters && ResultPath === undefined && scope.length === 0) {
      rebuilt = true;
      facts.clear();
      written.clear();
      for (const key of Object.keys(Parameters)) written.add(`$.${key.replace(/\.\$$/, '')}`);
      continue;
    }
    if (typeof ResultPath !== 'string') continue;
    written.add(ResultPath);
    if (state.Type === 'Pass' && Result !== undefined) facts.set(ResultPath, Result);
  }
  return true;
}

// States the ASL marks as running only after an ambiguous failure (a lost answer, a retryable refusal).
const RECOVERY = 'Fault recovery';

/** Whether a path goes through a fault-recovery state: a costlier variant of the path it rejoins. */
export const recoversFromFault = (path: Path): boolean =>
  path.steps.some((s) => s.state.Comment?.startsWith(RECOVERY));

/**
 * Every ordinary execution path from StartAt, following Choice rules, Default, Next, Catch and End.
 * Paths through "Fault recovery" states are left out: each only adds a retried claim and a read to
 * a path listed here, and together they would multiply the list many times over.
 */
export function enumeratePaths(machine: Machine): Path[] {
  const paths = new Walker(machine, []).from(machine.StartAt, new Set());
  if (paths.length > MAX_PATHS) throw new Error(`More than ${MAX_PATHS} paths: too many to enumerate`);
  return paths.filter((p) => feasible(p) && !recoversFromFault(p));
}
