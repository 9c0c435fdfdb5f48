import { Graphviz } from '@hpcc-js/wasm-graphviz';

/**
 * DOT to SVG with Graphviz compiled to WebAssembly: no system Graphviz, no network, and
 * the same bytes for the same DOT, so the committed SVG can be checked for staleness.
 * Pin the package version: another Graphviz lays out (and stamps) the SVG differently.
 */
export async function renderSvg(dot: string): Promise<string> {
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot, 'svg');
}
