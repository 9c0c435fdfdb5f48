import { logger } from '../../handlers/lib/logger';

export type LogLine = Record<string, unknown>;

/**
 * The JSON lines the handlers' Powertools logger prints, captured where it writes them
 * (process.stdout; errors go to process.stderr), at INFO for the test. The unit setup
 * silences the logger, so this turns it on in beforeEach and silences it again after.
 */
export function capturedLogLines(): { lines: () => LogLine[]; clear: () => void } {
  let lines: LogLine[] = [];
  const spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    lines = [];
    logger.setLogLevel('INFO');
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      spies.push(
        jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
          const text = String(chunk);
          if (!text.startsWith('{')) return write(chunk as string, ...rest);
          lines.push(JSON.parse(text) as LogLine);
          return true;
        }) as typeof stream.write),
      );
    }
  });
  afterEach(() => {
    for (const spy of spies.splice(0)) spy.mockRestore();
    logger.setLogLevel('SILENT');
  });
  return { lines: () => lines, clear: () => lines.splice(0) };
}
