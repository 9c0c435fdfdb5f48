import { backgroundFaults, injectedByKind } from '../../../tools/load/background-faults';

const target = {
  topicArn: 'arn:aws:sns:us-east-1:000000000000:tickets',
  generateFn: 'gen',
  encryptFn: 'enc',
};

describe('backgroundFaults', () => {
  const faults = backgroundFaults(target);

  it('reaches every service the workflow calls, lost answers and function faults included', () => {
    const services = new Set(faults.map((f) => f.rule.service));
    expect(services).toEqual(new Set(['s3', 'sns', 'kms', 'lambda']));
    expect(faults.filter((f) => f.rule.after).length).toBeGreaterThanOrEqual(3);
    expect(
      faults
        .map((f) => f.rule.functionError)
        .filter(Boolean)
        .sort(),
    ).toEqual(['crash', 'throw', 'timeout']);
  });

  it('keeps every probability low and every kind named once', () => {
    for (const { rule } of faults) expect(rule.probability).toBeLessThanOrEqual(0.2);
    expect(new Set(faults.map((f) => f.kind)).size).toBe(faults.length);
  });
});

describe('injectedByKind', () => {
  const faults = backgroundFaults(target).slice(0, 2);

  it('pairs each kind with what the endpoint counted, in the order the rules were set', () => {
    const listed = faults.map((f, i) => ({ ...f.rule, injected: i + 4 }));
    expect(injectedByKind(faults, listed)).toEqual([
      [faults[0]?.kind, 4],
      [faults[1]?.kind, 5],
    ]);
  });

  it('refuses a listing that is not the rules it set', () => {
    expect(() => injectedByKind(faults, [])).toThrow('the fault endpoint lists 0 rules, 2 were set');
  });
});
