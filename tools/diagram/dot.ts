import { type Machine, type State, subMachines } from '../asl/definition';
import { attributes, catchLabel, choiceLabel, FONT, nodeAttributes, quote } from './dot-labels';

const START = '__start';
const END = '__end';
// Heavier edges stay short and straight; End and Catch edges stretch instead, which keeps
// a short branch (Fetch) near its Choice rather than down by the shared End marker.
const NEXT_WEIGHT = '3';
const CHOICE_WEIGHT = '2';
const CATCH_EDGE = { style: 'dashed', color: '"#c62828"', fontcolor: '"#c62828"' };

/**
 * Graph text built up line by line, indented by nesting. Edges wait until the end, outside
 * every cluster: a node first named in a cluster's edge would otherwise join that cluster.
 */
class DotWriter {
  readonly lines: string[] = [];
  private readonly edges: string[] = [];
  private depth = 1;

  line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  cluster(id: string, attrs: Record<string, string>, body: () => void): void {
    this.line(`subgraph ${quote(`cluster_${id}`)} {`);
    this.depth += 1;
    for (const [k, v] of Object.entries(attrs)) this.line(`${k}=${v};`);
    body();
    this.depth -= 1;
    this.line('}');
  }

  edge(from: string, to: string, attrs: Record<string, string> = {}): void {
    const rest = Object.keys(attrs).length ? ` ${attributes(attrs)}` : '';
    this.edges.push(`  ${quote(from)} -> ${quote(to)}${rest};`);
  }

  text(): string {
    return ['digraph workflow {', ...this.lines, ...this.edges, '}', ''].join('\n');
  }
}

function joinId(parallel: string): string {
  return `${parallel}::join`;
}

/**
 * Writes a machine's states and transitions. `exit` is where End and Succeed lead:
 * the End marker at the top level, the enclosing Parallel's join bar in a branch.
 */
function writeMachine(out: DotWriter, machine: Machine, exit: string, topLevel: boolean): void {
  for (const [name, state] of Object.entries(machine.States)) {
    const subs = subMachines(state);
    if (subs.length) writeParallel(out, name, state, subs);
    else out.line(`${quote(name)} ${attributes(nodeAttributes(name, state))};`);
  }
  for (const [name, state] of Object.entries(machine.States)) writeEdges(out, name, state, exit, topLevel);
}

// A Parallel (or Map) is a cluster: a fork bar, one cluster per branch, a join bar.
function writeParallel(out: DotWriter, name: string, state: State, subs: Machine[]): void {
  const bar = {
    shape: 'box',
    label: '""',
    height: '0.04',
    width: '1.2',
    style: 'filled',
    fillcolor: '"#37474f"',
  };
  const kind = state.Type === 'Map' ? 'Map' : 'Parallel';
  const label = quote(`${name} (${kind})`);
  out.cluster(name, { label, style: '"rounded,dashed"', color: '"#78909c"', fontsize: '12' }, () => {
    out.line(`${quote(name)} ${attributes(bar)};`);
    subs.forEach((sub, i) => {
      const branch = state.Type === 'Map' ? 'Item processor' : `Branch ${i + 1}`;
      const look = {
        label: quote(branch),
        style: 'rounded',
        color: '"#b0bec5"',
        fontsize: '10',
        fontcolor: '"#546e7a"',
      };
      out.cluster(`${name}_${i + 1}`, look, () => {
        writeMachine(out, sub, joinId(name), false);
      });
      out.edge(name, sub.StartAt);
    });
    out.line(`${quote(joinId(name))} ${attributes(bar)};`);
  });
}

function writeEdges(out: DotWriter, name: string, state: State, exit: string, topLevel: boolean): void {
  const from = subMachines(state).length ? joinId(name) : name;
  // Catch on a Parallel leaves from its cluster edge: any branch can fail.
  const tail: Record<string, string> = from === name ? {} : { ltail: quote(`cluster_${name}`) };
  for (const rule of state.Choices ?? []) {
    out.edge(name, rule.Next, { label: choiceLabel(rule), weight: CHOICE_WEIGHT });
  }
  if (state.Default) out.edge(name, state.Default, { label: '"Default"', weight: CHOICE_WEIGHT });
  if (state.Next) out.edge(from, state.Next, { weight: NEXT_WEIGHT });
  const ends = state.End === true || (state.Type === 'Succeed' && !topLevel);
  if (ends) out.edge(from, exit);
  for (const catcher of state.Catch ?? []) {
    out.edge(from, catcher.Next, { label: catchLabel(catcher.ErrorEquals), ...CATCH_EDGE, ...tail });
  }
}

/** Graphviz DOT for an ASL machine: Start and End markers, one node per state, clusters for Parallels. */
export function buildDot(machine: Machine, title = machine.Comment ?? 'State machine'): string {
  const out = new DotWriter();
  out.line(`graph [fontname=${quote(FONT)}, fontsize=13, label=${quote(title)}, labelloc=t, compound=true,`);
  out.line('       nodesep=0.35, ranksep=0.4, pad=0.25, bgcolor=white];');
  out.line(`node [fontname=${quote(FONT)}, fontsize=11, margin="0.2,0.08", color="#455a64"];`);
  out.line(
    `edge [fontname=${quote(FONT)}, fontsize=10, color="#455a64", fontcolor="#37474f", arrowsize=0.8];`,
  );
  out.line(`${quote(START)} [shape=circle, label="", width=0.22, style=filled, fillcolor="#263238"];`);
  out.line(`${quote(END)} [shape=doublecircle, label="", width=0.16, style=filled, fillcolor="#263238"];`);
  out.edge(START, machine.StartAt);
  writeMachine(out, machine, END, true);
  return out.text();
}
