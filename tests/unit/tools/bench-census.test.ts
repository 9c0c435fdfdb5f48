import { memoryCensus } from '../../../tools/bench/render-http';

const site = (where: string, kb: number) => ({ where, kb, blocks: 1 });

describe('memoryCensus', () => {
  it('does not call a negative difference what each Generate keeps, and sums the lines that grew', () => {
    const text = memoryCensus({
      short: {
        requests: 300,
        rssMbGrowth: null,
        keptKb: 30720,
        sites: [site('a.py:1', 10240), site('b.py:2', 0)],
      },
      long: {
        requests: 900,
        rssMbGrowth: null,
        keptKb: 20480,
        sites: [site('a.py:1', 1024), site('b.py:2', 3072)],
      },
    });
    expect(text).toContain('The long run kept less than the short one');
    expect(text).not.toContain('is what the emulator keeps per request');
    expect(text).toContain('those that grew keep together **5.00 MB per 1,000 more Generates**');
  });
});
