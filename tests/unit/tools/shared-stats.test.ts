import { percentile, perSecond, summarize } from '../../../tools/shared/stats';

describe('percentile', () => {
  const sorted = [10, 20, 30, 40, 50];

  it('returns the sample at an exact rank', () => {
    expect(percentile(sorted, 0)).toBe(10);
    expect(percentile(sorted, 50)).toBe(30);
    expect(percentile(sorted, 100)).toBe(50);
  });

  it('interpolates linearly between the two nearest ranks', () => {
    expect(percentile(sorted, 95)).toBeCloseTo(48);
    expect(percentile([1, 2], 50)).toBe(1.5);
  });

  it('gives the only sample for every percentile of one', () => {
    expect(percentile([7], 99)).toBe(7);
  });

  it.each([
    [[], 50],
    [[1], -1],
    [[1], 101],
  ])('refuses %j at p%d', (samples, p) => {
    expect(() => percentile(samples, p)).toThrow();
  });
});

describe('summarize', () => {
  it('sorts a copy and reports n, min, max, mean, median, p95 and p99', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(summarize(samples)).toEqual({ n: 5, min: 1, max: 5, mean: 3, median: 3, p95: 4.8, p99: 4.96 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('takes the mean of the middle pair for an even count', () => {
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('refuses no samples', () => {
    expect(() => summarize([])).toThrow(/no samples/);
  });
});

describe('perSecond', () => {
  it('turns a count over milliseconds into a rate', () => {
    expect(perSecond(200, 1000)).toBe(200);
    expect(perSecond(3, 1500)).toBe(2);
  });

  it('refuses a zero duration', () => {
    expect(() => perSecond(1, 0)).toThrow();
  });
});
