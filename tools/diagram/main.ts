import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDefinition, TICKET_ASL } from '../asl/definition';
import { readYaml } from '../asl/read-yaml';
import { buildDot } from './dot';
import { renderSvg } from './render-svg';

const ROOT = join(__dirname, '..', '..');
const SVG = join(ROOT, 'docs', 'ticket-workflow.svg');
const USAGE = `Usage: tsx tools/diagram/main.ts [--check | --dot]
  (no flag)  render ${relative(ROOT, TICKET_ASL)} to ${relative(ROOT, SVG)}
  --check    exit 1 if the committed SVG differs from a fresh render
  --dot      print the Graphviz DOT instead`;

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { check: { type: 'boolean' }, dot: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void console.log(USAGE);
  const dot = buildDot(parseDefinition(readYaml(TICKET_ASL)));
  if (values.dot) return void process.stdout.write(dot);
  const svg = await renderSvg(dot);
  const svgPath = relative(ROOT, SVG);
  if (values.check) {
    // CRLF from a Windows checkout is not staleness.
    const committed = existsSync(SVG) ? readFileSync(SVG, 'utf8').replace(/\r\n/g, '\n') : undefined;
    if (committed === svg) return void console.log(`${svgPath} is up to date.`);
    const why =
      committed === undefined ? 'is missing' : `differs from a fresh render of ${relative(ROOT, TICKET_ASL)}`;
    console.error(`${svgPath} ${why}. Run \`make diagram\` and commit the result.`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(dirname(SVG), { recursive: true });
  writeFileSync(SVG, svg);
  console.log(`Wrote ${svgPath}.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`diagram: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
