import { describeCondition } from '../asl/conditions';
import type { ChoiceRule, Retrier, State } from '../asl/definition';
import { targetLabel, taskTarget } from '../asl/task-target';

export const FONT = 'Helvetica,Arial,sans-serif';

/** A DOT id or string attribute, quoted. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `Lambda.*` when every error shares the namespace, so the label stays one short line. */
function errorSummary(errors: string[]): string {
  const [first] = errors;
  if (errors.length === 1 && first) return first;
  const prefixes = new Set(errors.map((e) => e.split('.')[0]));
  const [only] = prefixes;
  return prefixes.size === 1 && only ? `${errors.length} ${only}.* errors` : `${errors.length} errors`;
}

function retryLine(retrier: Retrier): string | undefined {
  const attempts = retrier.MaxAttempts ?? 3;
  return attempts > 0 ? `Retry ${attempts}x on ${errorSummary(retrier.ErrorEquals)}` : undefined;
}

// No bold: Graphviz sizes boxes with regular-weight font metrics, so bold text overflows.
function lines(name: string, detail: string[], note: string[] = []): string {
  const rows = [
    html(name),
    ...detail.map((d) => `<font point-size="10" color="#37474f">${html(d)}</font>`),
    ...note.map((n) => `<font point-size="9" color="#546e7a"><i>${html(n)}</i></font>`),
  ];
  return `<${rows.join('<br/>')}>`;
}

// Shape and colour say the state type at a glance; the label says what it does.
export function nodeAttributes(name: string, state: State): Record<string, string> {
  switch (state.Type) {
    case 'Task': {
      // A Task's Comment says what flows out of it (e.g. the sealed ticket's format).
      const retries = (state.Retry ?? []).map(retryLine).filter((l): l is string => l !== undefined);
      const notes = [...(state.Comment ? [state.Comment] : []), ...retries];
      const label = lines(name, [targetLabel(taskTarget(state))], notes);
      return { shape: 'box', style: 'filled', fillcolor: '"#e3f2fd"', color: '"#1565c0"', label };
    }
    case 'Choice':
      return {
        shape: 'diamond',
        style: 'filled',
        fillcolor: '"#fff8e1"',
        color: '"#f9a825"',
        label: lines(name, []),
      };
    case 'Fail': {
      const label = lines(name, [`Error: ${state.Error ?? 'States.Fail'}`]);
      return { shape: 'octagon', style: 'filled', fillcolor: '"#ffebee"', color: '"#c62828"', label };
    }
    case 'Succeed': {
      const look = {
        style: '"rounded,filled"',
        peripheries: '2',
        fillcolor: '"#e8f5e9"',
        color: '"#2e7d32"',
      };
      return { shape: 'box', ...look, label: lines(name, ['Succeed']) };
    }
    case 'Pass':
      return { shape: 'box', style: '"rounded,dashed"', label: lines(name, ['Pass']) };
    default:
      return { shape: 'box', style: 'rounded', label: lines(name, [state.Type]) };
  }
}

export function choiceLabel(rule: ChoiceRule): string {
  return quote(describeCondition(rule));
}

export function catchLabel(errors: string[]): string {
  return quote(`Catch: ${errors.join(', ')}`);
}

export function attributes(attrs: Record<string, string>): string {
  return `[${Object.entries(attrs)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}]`;
}
