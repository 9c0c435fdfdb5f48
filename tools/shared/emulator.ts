// What bench and load ask of the running LocalStack beyond the AWS APIs: the extension's speed
// patch switch, and LocalStack's own CPU time (mode H: the pid that `make local-up` recorded).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SWITCH_PATH = '/_ticket_orchestrator/speed-patches';
const CENSUS_PATH = '/_ticket_orchestrator/memory-census';
const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux

export type PatchState = { enabled: boolean; applied: string[]; skipExpressEvents: boolean };

/**
 * The extension's speed patch state, or null when it is not there (mode D, or not installed); with
 * `enabled`, switches them all, or with `only` just those patches on (the others off).
 */
export async function speedPatches(
  endpoint: string,
  enabled?: boolean,
  only?: string[],
): Promise<PatchState | null> {
  const res = await fetch(`${endpoint}${SWITCH_PATH}`, {
    method: enabled === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: enabled === undefined ? undefined : JSON.stringify({ enabled, ...(only ? { patches: only } : {}) }),
  }).catch(() => undefined);
  if (!res?.ok) return null;
  return (await res.json()) as PatchState;
}

/** LocalStack's pid in mode H, or null (mode D, or not started by make local-up). */
export function localstackPid(root: string): number | null {
  const file = join(root, '.local', 'localstack', 'localstack.pid');
  const pid = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : Number.NaN;
  return Number.isInteger(pid) && existsSync(`/proc/${pid}/stat`) ? pid : null;
}

/** User + system CPU time of one process, in ms (its own threads; not its child processes). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** Resident memory of one process, in MB (VmRSS of /proc/<pid>/status). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  if (!line?.[1]) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(line[1]) / 1024;
}

/**
 * Where a report about the running engine goes: `docs/<name>.md` for LocalStack, and beside it
 * `docs/<name>-localemu.md` with LOCAL_EMULATOR=localemu (localstack/engine.sh), so the two stay side by side.
 */
export function reportFile(root: string, name: string): string {
  const engine = process.env.LOCAL_EMULATOR ?? 'localstack';
  return join(root, 'docs', engine === 'localstack' ? `${name}.md` : `${name}-${engine}.md`);
}

export type Census = { keptKb: number; sites: { where: string; kb: number; blocks: number }[] };

/** Starts the extension's memory census (tracing the emulator's allocations); false when it does not answer (mode D). */
export async function startMemoryCensus(endpoint: string): Promise<boolean> {
  const res = await fetch(`${endpoint}${CENSUS_PATH}`, { method: 'POST' }).catch(() => undefined);
  return !!res?.ok;
}

/** Ends the census: what stays allocated of what was allocated since it started, or null. */
export async function finishMemoryCensus(endpoint: string): Promise<Census | null> {
  const res = await fetch(`${endpoint}${CENSUS_PATH}`, { method: 'DELETE' }).catch(() => undefined);
  return res?.ok ? ((await res.json()) as Census) : null;
}
