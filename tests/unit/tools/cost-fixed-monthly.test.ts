// biome-ignore-all lint/suspicious/noTemplateCurlyInString: serverless.yml's own variable syntax, not templates
import { fixedMonthly } from '../../../tools/cost/fixed-monthly';
import { formatFixedMonthly } from '../../../tools/cost/format-fixed-monthly';
import { perRequestLeftOut } from '../../../tools/cost/per-request-left-out';
import { type Prices, readPrices } from '../../../tools/cost/prices';
import { readProject, withParams } from '../../../tools/cost/serverless-config';
import type { StackResources } from '../../../tools/cost/stack-resources';

const prices = readPrices();

const alarm = (Period = 300) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { Period, Threshold: 1 } });
const key = (Properties: Record<string, unknown> = { EnableKeyRotation: true }) => ({
  Type: 'AWS::KMS::Key',
  Properties,
});

/** A serverless.yml in the shape of the real one: resources listed by file, some picked by a param. */
function givenAServerlessYml(files: Record<string, StackResources>, params: Record<string, string> = {}) {
  const config = {
    params: { default: { mode: 'API', tracing: 'off', ...params } },
    custom: { byMode: { API: { stage: '${file(stage.yml)}' }, NONE: { stage: {} } } },
    resources: ['${file(store.yml)}', '${self:custom.byMode.${param:mode}.stage}'],
  };
  const read = (path: string) => {
    const Resources = files[path];
    if (!Resources) throw new Error(`no ${path}`);
    return { Resources };
  };
  return { config, read };
}

const store = {
  TicketKey: key(),
  MessageKey: key(),
  TicketTopic: { Type: 'AWS::SNS::Topic' },
  Failed: alarm(),
};
const stage = {
  Stage: { Type: 'AWS::ApiGateway::Stage', Properties: { AccessLogSetting: { Format: '{}' } } },
  ApiErrors: alarm(),
};

function stackOf(files: Record<string, StackResources>, params: Record<string, string> = {}) {
  const { config, read } = givenAServerlessYml(files);
  return readProject({ provider: {}, ...config }, params, read);
}

// Without the stage file: the param picks the empty fragment instead.
const noApi = { mode: 'NONE' };

const total = (files: Record<string, StackResources>, p: Prices = prices) =>
  fixedMonthly(stackOf(files, files['stage.yml'] ? {} : noApi).resources, p).total;

describe('fixed monthly items, counted from serverless.yml resources', () => {
  it('follows file, self and param references to every resource file the config lists', () => {
    expect(Object.keys(stackOf({ 'store.yml': store, 'stage.yml': stage }).resources)).toEqual([
      'TicketKey',
      'MessageKey',
      'TicketTopic',
      'Failed',
      'Stage',
      'ApiErrors',
    ]);
    expect(Object.keys(stackOf({ 'store.yml': store }, noApi).resources)).not.toContain('Stage');
  });

  it('prices keys and alarms from the price file, topics at nothing', () => {
    const f = fixedMonthly(stackOf({ 'store.yml': store, 'stage.yml': stage }).resources, prices);
    expect(f.items.map((i) => [i.resourceType, i.count, i.perMonth])).toEqual([
      ['AWS::KMS::Key', 2, 2 * prices.kms.perKeyMonth],
      ['AWS::CloudWatch::Alarm', 2, 2 * prices.cloudWatch.perStandardAlarmMonth],
      ['AWS::SNS::Topic', 1, 0],
    ]);
    expect(f.total).toBeCloseTo(2.2, 9);
  });

  it('adds one alarm price for an extra alarm in a resource file', () => {
    const before = total({ 'store.yml': store, 'stage.yml': stage });
    const after = total({ 'store.yml': store, 'stage.yml': { ...stage, Throttles: alarm() } });
    expect(after - before).toBeCloseTo(prices.cloudWatch.perStandardAlarmMonth, 9);
  });

  it('takes every price from the price file it is given', () => {
    const dearer = { ...prices, kms: { ...prices.kms, perKeyMonth: 2 } };
    expect(total({ 'store.yml': store }, dearer) - total({ 'store.yml': store })).toBeCloseTo(2, 9);
  });

  it('leaves out what the file cannot price: a high-resolution alarm', () => {
    const f = fixedMonthly(stackOf({ 'store.yml': { ...store, Fast: alarm(10) } }, noApi).resources, prices);
    expect(f.unpriced).toEqual(['Fast']);
    expect(f.items.find((i) => i.resourceType === 'AWS::CloudWatch::Alarm')?.count).toBe(1);
  });

  it('adds each billed rotation of a rotating key after its rotation period', () => {
    const resources = {
      Rotating: key({ EnableKeyRotation: true, RotationPeriodInDays: 90 }),
      Still: key({}),
    };
    const f = fixedMonthly(resources, prices);
    expect(f.keyRotation).toMatchObject({ rotatingKeys: 1, keys: 2, fromDay: 180 });
    expect(f.keyRotation?.totalAfter).toBeCloseTo(2 + 1 * 2, 9);
    expect(fixedMonthly({ Still: key({}) }, prices).keyRotation).toBeNull();
  });

  it('prints the items, their count, unit price and total apart from the per-request tables', () => {
    const text = formatFixedMonthly(fixedMonthly(stackOf({ 'store.yml': store }, noApi).resources, prices));
    expect(text).toMatch(/^KMS customer-managed key +2 +1\.00 +2\.00$/m);
    expect(text).toMatch(/^CloudWatch alarm, standard resolution +1 +0\.10 +0\.10$/m);
    expect(text).toMatch(/^Total +2\.10$/m);
    expect(text).toContain('from day 730 the total is $6.10 a month');
  });

  it.each([
    ['an unknown variable source', { resources: ['${opt:stage}'] }],
    ['a param that is not set', { resources: ['${param:nope}'] }],
  ])('refuses %s', (_case, config) => {
    expect(() => readProject({ provider: {}, ...config }, {}, () => ({}))).toThrow(
      /serverless.yml resources/,
    );
  });
});

describe('withParams', () => {
  it('lays --param values over the default params and refuses a name it does not have', () => {
    const { config } = givenAServerlessYml({});
    expect(withParams(config, { mode: 'NONE' })).toMatchObject({ params: { default: { mode: 'NONE' } } });
    expect(() => withParams(config, { mdoe: 'NONE' })).toThrow(/mdoe/);
  });
});

describe('per-request items left out of the path figures', () => {
  it('prices the access-log line where a stage logs access, and X-Ray as optional', () => {
    const items = perRequestLeftOut(stackOf({ 'store.yml': store, 'stage.yml': stage }), prices);
    expect(items.map((i) => [i.service, Number((i.perRequest * 1e6).toFixed(4))])).toEqual([
      ['CloudWatch Logs', 0.25],
      ['X-Ray', 5],
    ]);
    expect(items[1]?.why).toMatch(/optional, tracing param off/);
    const traced = perRequestLeftOut(stackOf({ 'store.yml': store }, { ...noApi, tracing: 'on' }), prices);
    expect(traced.map((i) => i.service)).toEqual(['X-Ray']);
    expect(traced[0]?.why).toMatch(/tracing param on/);
  });
});
