import { join } from 'node:path';
import * as z from 'zod';

/** The project's workflow, as the tools read it. */
export const TICKET_ASL = join(__dirname, '..', '..', 'statemachines', 'ticket.asl.yml');

// Only the ASL fields the tools read; everything else passes through untouched.
const Catcher = z.looseObject({ ErrorEquals: z.array(z.string()).min(1), Next: z.string() });
const Retrier = z.looseObject({
  ErrorEquals: z.array(z.string()).min(1),
  MaxAttempts: z.number().int().min(0).optional(),
});
/** A top-level Choice rule; its condition fields are read by conditions.ts. */
const ChoiceRule = z.looseObject({ Next: z.string() });

const StateType = z.enum(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);

const State = z.looseObject({
  Type: StateType,
  Comment: z.string().optional(),
  Next: z.string().optional(),
  End: z.boolean().optional(),
  Resource: z.unknown().optional(),
  Parameters: z.unknown().optional(),
  Arguments: z.unknown().optional(),
  Choices: z.array(ChoiceRule).optional(),
  Default: z.string().optional(),
  Error: z.string().optional(),
  Cause: z.string().optional(),
  Retry: z.array(Retrier).optional(),
  Catch: z.array(Catcher).optional(),
  get Branches() {
    return z.array(Machine).optional();
  },
  // Map: ItemProcessor is the current name, Iterator the legacy one.
  get ItemProcessor() {
    return Machine.optional();
  },
  get Iterator() {
    return Machine.optional();
  },
});

const Machine = z.looseObject({
  Comment: z.string().optional(),
  StartAt: z.string(),
  get States() {
    return z.record(z.string(), State);
  },
});

export type Catcher = z.infer<typeof Catcher>;
export type Retrier = z.infer<typeof Retrier>;
export type ChoiceRule = z.infer<typeof ChoiceRule>;
export type State = z.infer<typeof State>;
export type Machine = z.infer<typeof Machine>;

/** The nested machines a state runs: Parallel branches, or a Map's item processor. */
export function subMachines(state: State): Machine[] {
  if (state.Type === 'Parallel') return state.Branches ?? [];
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return processor ? [processor] : [];
  }
  return [];
}

/** Every state by name, nested ones included (names are unique machine-wide: parseDefinition checks). */
export function statesByName(machine: Machine): Map<string, State> {
  const found = new Map<string, State>();
  const walk = (m: Machine): void => {
    for (const [name, state] of Object.entries(m.States)) {
      found.set(name, state);
      subMachines(state).forEach(walk);
    }
  };
  walk(machine);
  return found;
}

/** Every transition target a state names, for the reference check. */
function targets(state: State): string[] {
  return [
    state.Next,
    state.Default,
    ...(state.Choices ?? []).map((c) => c.Next),
    ...(state.Catch ?? []).map((c) => c.Next),
  ].filter((t): t is string => t !== undefined);
}

// Transitions may not leave their own States block; names are unique machine-wide,
// which lets the diagram use them as node ids.
function checkScope(machine: Machine, where: string, seen: Set<string>): void {
  const names = Object.keys(machine.States);
  if (!names.includes(machine.StartAt))
    throw new Error(`${where}: StartAt ${machine.StartAt} is not a state`);
  for (const [name, state] of Object.entries(machine.States)) {
    if (seen.has(name)) throw new Error(`State name ${name} is used twice`);
    seen.add(name);
    for (const target of targets(state)) {
      if (!names.includes(target)) throw new Error(`${name}: transition to unknown state ${target}`);
    }
    const terminal = state.Type === 'Succeed' || state.Type === 'Fail' || state.Type === 'Choice';
    if (!terminal && !state.Next && state.End !== true) throw new Error(`${name}: needs Next or End`);
    subMachines(state).forEach((sub, i) => {
      checkScope(sub, `${name} branch ${i + 1}`, seen);
    });
  }
}

/** Validates the shape the tools rely on and that every transition lands on a state. */
export function parseDefinition(raw: unknown): Machine {
  const result = Machine.safeParse(raw);
  if (!result.success) throw new Error(`Not a state machine definition: ${z.prettifyError(result.error)}`);
  checkScope(result.data, 'machine', new Set());
  return result.data;
}
