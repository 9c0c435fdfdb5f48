import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Environment } from './report-types';

/** The tools whose versions shape the figures. */
const PACKAGES = ['esbuild', 'osls', 'serverless-esbuild', 'tsx', 'autocannon', '@aws-sdk/client-kms'];

const MODES: Record<string, string> = { host: 'H, host', docker: 'D, Docker' };

/** The emulators `make local-up` can run (localstack/engine.sh), by LOCAL_EMULATOR. */
const ENGINES: Record<string, string> = { localstack: 'LocalStack', localemu: 'LocalEmu' };

/** The emulator and its own version ("LocalStack 4.14.0"), or null when nothing answers at the endpoint. */
export async function localstackVersion(endpoint: string): Promise<string | null> {
  const engine = process.env.LOCAL_EMULATOR ?? 'localstack';
  try {
    const res = await fetch(`${endpoint}/_${engine}/info`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return null;
    const info = (await res.json()) as { version?: unknown };
    return `${ENGINES[engine] ?? engine} ${typeof info.version === 'string' ? info.version : 'unknown'}`;
  } catch {
    return null;
  }
}

/** `make local-up` records the mode it started LocalStack in. */
function localstackMode(root: string): string {
  const file = join(root, '.local', 'localstack', 'mode');
  const mode = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return MODES[mode] ?? 'unknown';
}

function packageVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
    return String(manifest.version);
  } catch {
    return 'not installed';
  }
}

function osName(): string {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`;
  return pretty ? `${pretty}; ${kernel}` : kernel;
}

export function describeEnvironment(root: string, localstack: string | null): Environment {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: osName(),
    node: process.version,
    localstack: localstack ? { version: localstack, mode: localstackMode(root) } : null,
    packages: Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)])),
  };
}
