import { speedRatios } from '../../../tools/bench/render-http';
import { RUNS } from './bench-runs';

describe('speedRatios', () => {
  it('compares patched with unpatched, each pair by the medians of its rounds, and Generate with the floor', () => {
    expect(speedRatios(RUNS, 'Generate', 'Floor')).toEqual([
      ['Generate p50 at 1 connection, unpatched / patched', '900 / 50.0 ms', '18.0x'],
      ['Generate p50 / floor p50, both patched, 1 connection', '50.0 / 10.0 ms', '5.0x'],
      // patched 50, with lambda-log-batch 50/120/40, with lambda-metric-batch 44: the median of the five
      ['Generate p50 / floor p50, the median of 5 every-patch runs', '50.0 / 10.0 ms', '5.0x'],
      ['Generate req/s at 20 connections, the median of 5 every-patch runs', '30', ''],
      [
        'Generate p50 at 1 connection, without / with lambda-log-batch, medians of 3 rounds',
        '80.0 / 50.0 ms',
        '1.6x',
      ],
      [
        'Generate req/s at 20 connections, with / without lambda-log-batch, medians of 3 rounds',
        '32 / 24',
        '1.3x',
      ],
      ['Generate p50 at 1 connection, without / with lambda-metric-batch', '55.0 / 44.0 ms', '1.3x'],
      ['Generate req/s at 20 connections, with / without lambda-metric-batch', '27 / 27', '1.0x'],
      ['Generate req/s at 20 connections, patched / unpatched', '30 / 1.50', '20.0x'],
    ]);
  });

  it('leaves out what a run did not measure', () => {
    expect(
      speedRatios(
        RUNS.filter((r) => r.variant === 'patched'),
        'Generate',
        'Floor',
      ),
    ).toHaveLength(1);
  });
});
