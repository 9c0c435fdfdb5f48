/**
 * Loads a handler module as a new Lambda environment would (cold start), with `env` laid over
 * the test environment while it reads its config. Each jest test file has its own module
 * registry, so one call per file gives that file its own environment. (jest.isolateModules
 * is no help here: the Encryption SDK's streams break when loaded into an isolated registry.)
 */
export function coldStart<T>(load: () => T, env: Record<string, string> = {}): T {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return load();
  } finally {
    process.env = saved;
  }
}
