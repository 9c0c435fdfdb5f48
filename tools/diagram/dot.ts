import { type Machine, type State, subMachines } from '../asl/definition';
import { branchEdges, type Edge, stateEdges } from '../asl/edges';
import { attributes, catchLabel, choiceLabel, FONT, nodeAttributes, quote } from './dot-labels';

const START = '__start';
const END = '__end';
// Heavier edges stay short and straight; End and Catch edges stretch instead, which keeps
// a short branch (Fetch) near its Choice rather than down by the shared End marker.
const NEXT_WEIGHT = '3';
const CHOICE_WEIGHT = '2';
const CATCH_EDGE = { style: 'dashed', color: '"#c62828"', fontcolor: '"#c62828"' };

const RETRY_EDGE = { color: '"#6a1b9a"', fontcolor: '"#6a1b9a"', constraint: 'false' };

/** Extra attributes for an edge (e.g. covered or not); they override the drawing's own. */
export type EdgeStyle = (edge: Edge) => Record<string, string>;

export type DotOptions = {
  /** Also draw each Retry as a loop (the plain diagram lists retries in the Task's box). */
  retries?: boolean;
  edgeStyle?: EdgeStyle;
  /** Lines added at the end of the graph (e.g. a legend). */
  appendix?: string[];
};

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
function writeMachine(out: DotWriter, machine: Machine, exit: string, options: DotOptions): void {
  for (const [name, state] of Object.entries(machine.States)) {
    const subs = subMachines(state);
    if (subs.length) writeParallel(out, name, state, subs, options);
    else out.line(`${quote(name)} ${attributes(nodeAttributes(name, state))};`);
  }
  for (const [name, state] of Object.entries(machine.States)) writeEdges(out, name, state, exit, options);
}

// A Parallel (or Map) is a cluster: a fork bar, one cluster per branch, a join bar.
function writeParallel(
  out: DotWriter,
  name: string,
  state: State,
  subs: Machine[],
  options: DotOptions,
): void {
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
    const starts = branchEdges(name, state);
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
        writeMachine(out, sub, joinId(name), options);
      });
      const start = starts[i];
      if (start) out.edge(name, start.target, options.edgeStyle?.(start));
    });
    out.line(`${quote(joinId(name))} ${attributes(bar)};`);
  });
}

function writeEdges(out: DotWriter, name: string, state: State, exit: string, options: DotOptions): void {
  const from = subMachines(state).length ? joinId(name) : name;
  // Catch on a Parallel leaves from its cluster edge: any branch can fail.
  const tail: Record<string, string> = from === name ? {} : { ltail: quote(`cluster_${name}`) };
  for (const edge of stateEdges(name, state)) {
    const style = options.edgeStyle?.(edge) ?? {};
    switch (edge.kind) {
      case 'choice':
        if (edge.rule)
          out.edge(name, edge.target, { label: choiceLabel(edge.rule), weight: CHOICE_WEIGHT, ...style });
        break;
      case 'default':
        out.edge(name, edge.target, { label: '"Default"', weight: CHOICE_WEIGHT, ...style });
        break;
      case 'next':
        out.edge(from, edge.target, { weight: NEXT_WEIGHT, ...style });
        break;
      case 'end':
        out.edge(from, exit, style);
        break;
      case 'catch':
        out.edge(from, edge.target, {
          label: catchLabel(edge.errors ?? []),
          ...CATCH_EDGE,
          ...tail,
          ...style,
        });
        break;
      case 'retry':
        if (options.retries) out.edge(from, name, { label: '"Retry"', ...RETRY_EDGE, ...style });
        break;
    }
  }
}

/** Graphviz DOT for an ASL machine: Start and End markers, one node per state, clusters for Parallels. */
export function buildDot(
  machine: Machine,
  title = machine.Comment ?? 'State machine',
  options: DotOptions = {},
): string {
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
  writeMachine(out, machine, END, options);
  for (const line of options.appendix ?? []) out.line(line);
  return out.text();
}
