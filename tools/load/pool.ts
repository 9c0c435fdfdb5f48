/**
 * Runs tasks 0..count-1, at most `concurrency` at once, in index order. None starts after
 * `deadline` (a performance.now() time): those get `notStarted(i)` instead. Bounded by the
 * count and, given tasks that are bounded in time themselves, by the deadline.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  deadline: number,
  task: (index: number) => Promise<T>,
  notStarted: (index: number) => T,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      results[index] = performance.now() < deadline ? await task(index) : notStarted(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return results;
}
