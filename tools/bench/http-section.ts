// Section 3 of `make bench`: POST /tickets (Generate, Fetch) and the one-Pass floor through
// LocalStack's API Gateway, with the extension's speed patches off and on, side by side.
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { StackInfo } from '../../localstack/stack-info';
import {
  type Census,
  finishMemoryCensus,
  localstackPid,
  rssMb,
  speedPatches,
  startMemoryCensus,
} from '../shared/emulator';
import { freshGenerateBodies } from '../shared/ticket-input';
import { type HandlerBuild, handlerBuild } from '../watch/handler-build';
import { ensureFloor } from './floor-stack';
import { editToEffect } from './hot-reload';
import { type LoadPlan, load, type Target, timedCall } from './http-load';
import {
  type CensusRun,
  type ColdCall,
  type HttpRun,
  type HttpSection,
  LEAVE_ONE_OUT,
  type MemoryCensus,
  PAIR_ROUNDS,
  type Variant,
} from './report-types';

// Counts, not durations: unpatched, LocalStack answers about one Generate a second.
// A pair's runs are Generates only; each variant of the pair runs this plan PAIR_ROUNDS times.
const LEFT_OUT_PLAN: LoadPlan[] = [
  { connections: 1, amount: 30 },
  { connections: 20, amount: 200 },
];
const PLANS: Record<'unpatched' | 'patched' | 'as running', LoadPlan[]> = {
  unpatched: [
    { connections: 1, amount: 10 },
    { connections: 20, amount: 40 },
  ],
  patched: [
    { connections: 1, amount: 50 },
    { connections: 20, amount: 400 },
  ],
  'as running': [
    { connections: 1, amount: 20 },
    { connections: 20, amount: 100 },
  ],
};
const EDIT_ROUNDS = 3;
// Untimed: tracing allocations slows the emulator down.
// Both runs longer than what bounded stores hold (the last 100 executions), so both fill them; a 150-run
// census was found to keep about half of them, a 300-run one all of them.
const CENSUS_PLANS: [LoadPlan, LoadPlan] = [
  { connections: 20, amount: 300 },
  { connections: 20, amount: 900 },
];
const CENSUS_SETTLE_MS = 6000;
/** The patch a `with <patch>` or `without <patch>` variant is about, else undefined. */
const pairedPatch = (variant: Variant) => /^with(out)? (.+)$/.exec(variant)?.[2];
const plansOf = (variant: Variant) =>
  pairedPatch(variant) ? LEFT_OUT_PLAN : PLANS[variant as keyof typeof PLANS];

const say = (message: string) => console.log(`bench: ${message}`);

async function targets(stack: StackInfo, endpoint: string): Promise<Target[]> {
  const fresh = freshGenerateBodies(new Date());
  const generate = { name: 'Generate', url: stack.apiUrl, body: fresh(), status: 201, fresh };
  const { body } = await timedCall(generate);
  const { ticketId } = JSON.parse(body) as { ticketId: string };
  say('deploying the floor fixture (a one-Pass EXPRESS machine behind the same API integration) ...');
  return [
    generate,
    { name: 'Fetch', url: stack.apiUrl, body: JSON.stringify({ action: 'Fetch', ticketId }), status: 200 },
    { name: 'Floor (one Pass)', url: await ensureFloor(endpoint), body: '{}', status: 200 },
  ];
}

/**
 * The next invoke of each function starts a new environment: the executor (and LocalStack's
 * own hot reload in mode D) restarts a function whose bundle changed, and a new mtime is a change.
 */
function recycleLambdas({ entries, buildDir }: HandlerBuild): void {
  const now = new Date();
  for (const entry of entries) utimesSync(join(buildDir, entry.replace(/\.ts$/, '.js')), now, now);
}

async function coldCall(generate: Target, variant: Variant, build: HandlerBuild): Promise<ColdCall> {
  recycleLambdas(build);
  const coldMs = (await timedCall(generate)).ms;
  return { variant, coldMs, warmMs: (await timedCall(generate)).ms };
}

/** What the emulator keeps of one run of Generates, as it runs (patched unless switched off). */
async function censusRun(
  generate: Target,
  endpoint: string,
  pid: number | null,
  plan: LoadPlan,
): Promise<CensusRun | null> {
  say(`memory census: ${plan.amount} Generates at ${plan.connections} connections, allocations traced ...`);
  if (!(await startMemoryCensus(endpoint))) return null;
  const rssBefore = pid === null ? null : rssMb(pid);
  let census: Census | null;
  try {
    await load(generate, plan, null);
    // The extension's thread pruner joins finished threads every 5 s: what it frees is not kept.
    await new Promise((resolve) => setTimeout(resolve, CENSUS_SETTLE_MS));
  } finally {
    census = await finishMemoryCensus(endpoint); // tracing stops even if the run failed
  }
  const rssMbGrowth = pid === null || rssBefore === null ? null : rssMb(pid) - rssBefore;
  return census && { requests: plan.amount, rssMbGrowth, ...census };
}

/** A short census, then a long one: their difference is what each more Generate keeps. */
async function censusOf(
  generate: Target,
  endpoint: string,
  pid: number | null,
): Promise<MemoryCensus | null> {
  const [shortPlan, longPlan] = CENSUS_PLANS;
  const short = await censusRun(generate, endpoint, pid, shortPlan);
  const long = short && (await censusRun(generate, endpoint, pid, longPlan));
  return short && long && { short, long };
}

export async function httpSection(stack: StackInfo, endpoint: string, root: string): Promise<HttpSection> {
  const all = await targets(stack, endpoint);
  const generate = all[0] as Target;
  const initial = await speedPatches(endpoint);
  const measured = LEAVE_ONE_OUT.filter((name) => initial?.applied.includes(name));
  // Each patch left out in turns with a run with it, PAIR_ROUNDS times: runs later in a bench came out slower
  // (the drift in docs/localstack-speed-patches.md), and single runs on this shared machine vary by 2x, so a
  // pair is judged by the medians of runs measured side by side.
  const rounds = Array.from({ length: PAIR_ROUNDS }, (_, i) => i + 1);
  const paired = measured.flatMap((name) =>
    rounds.flatMap((round) =>
      ([`with ${name}`, `without ${name}`] as const).map((variant) => ({ variant, round })),
    ),
  );
  const variants: { variant: Variant; round?: number }[] = initial
    ? [{ variant: 'unpatched' }, { variant: 'patched' }, ...paired]
    : [{ variant: 'as running' }];
  const pid = localstackPid(root);
  const build = handlerBuild();
  const cold: ColdCall[] = [];
  const runs: HttpRun[] = [];
  try {
    for (const { variant, round } of variants) {
      if (pairedPatch(variant)) {
        const leftOut = variant.startsWith('without ') ? pairedPatch(variant) : undefined;
        await speedPatches(
          endpoint,
          true,
          initial?.applied.filter((name) => name !== leftOut),
        );
      } else if (variant !== 'as running') await speedPatches(endpoint, variant === 'patched');
      if ((round ?? 1) === 1) cold.push(await coldCall(generate, variant, build));
      for (const target of round ? [generate] : all) {
        await timedCall(target); // warm, and checked, before the load
        for (const plan of plansOf(variant)) {
          const which = round ? `${variant} (round ${round} of ${PAIR_ROUNDS})` : variant;
          say(
            `HTTP ${which}: ${target.name}, ${plan.amount} requests at ${plan.connections} connection(s) ...`,
          );
          const figure = await load(target, plan, pid);
          runs.push({ ...figure, target: target.name, variant, ...(round ? { round } : {}) });
        }
      }
    }
  } finally {
    if (initial) await speedPatches(endpoint, initial.enabled);
  }
  const memory = await censusOf(generate, endpoint, pid);
  say(`hot reload: ${EDIT_ROUNDS} edits of handlers/generate-ticket.ts through the deployed stage ...`);
  const hotReload = await editToEffect(generate, { build, keyArn: stack.keyArn }, EDIT_ROUNDS);
  const switchNote = initial
    ? null
    : "The extension's speed-patch switch did not answer (mode D, or LocalStack not started by `make local-up`): one variant, as running.";
  const described = all.map(({ name, url, body, status, fresh }) => ({
    name,
    url,
    body,
    status,
    freshBodies: !!fresh,
  }));
  return { status: 'ok', targets: described, switchNote, cold, runs, memory, hotReload };
}
