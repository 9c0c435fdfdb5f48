import type { Prices } from './prices';
import { resourcesOfType, type StackResource, type StackResources } from './stack-resources';

export interface FixedItem {
  item: string;
  resourceType: string;
  /** The template's logical ids, so a figure can be traced to its resources. */
  resources: string[];
  count: number;
  perMonthEach: number;
  perMonth: number;
}

/** What KMS adds as rotating keys age: each billed rotation adds a key-month price, up to a cap. */
export interface KeyRotation {
  rotatingKeys: number;
  keys: number;
  periodDays: number;
  addedPerRotation: number;
  billedRotations: number;
  /** The day of the last billed rotation (the slowest key's), from which `totalAfter` applies. */
  fromDay: number;
  totalAfter: number;
}

export interface FixedMonthly {
  items: FixedItem[];
  /** A month before any key has rotated (the first rotation period). */
  total: number;
  keyRotation: KeyRotation | null;
  /** Resources of a priced type that the price file cannot price (high resolution, metric math), left out. */
  unpriced: string[];
}

// KMS's rotation period when a key turns rotation on without RotationPeriodInDays.
const DEFAULT_ROTATION_DAYS = 365;
// CloudWatch bills an alarm on a period under 60 s as high resolution.
const MIN_STANDARD_PERIOD_S = 60;

/** One metric, a period of a minute or more: the alarm the price file's alarm price is for. */
function isStandardAlarm(r: StackResource): boolean {
  const { Metrics, Period } = r.Properties ?? {};
  return Metrics === undefined && Number(Period ?? MIN_STANDARD_PERIOD_S) >= MIN_STANDARD_PERIOD_S;
}

interface Kind {
  type: string;
  item: string;
  price: (p: Prices) => number;
  prices?: (r: StackResource) => boolean;
}

// Resource types with a monthly price or, listed at 0 to show they were counted, none.
const KINDS: Kind[] = [
  { type: 'AWS::KMS::Key', item: 'KMS customer-managed key', price: (p) => p.kms.perKeyMonth },
  {
    type: 'AWS::CloudWatch::Alarm',
    item: 'CloudWatch alarm, standard resolution',
    price: (p) => p.cloudWatch.perStandardAlarmMonth,
    prices: isStandardAlarm,
  },
  { type: 'AWS::SNS::Topic', item: 'SNS topic', price: (p) => p.sns.perTopicMonth },
  { type: 'AWS::ApiGateway::ApiKey', item: 'API Gateway API key', price: (p) => p.apiGateway.perApiKeyMonth },
  {
    type: 'AWS::ApiGateway::UsagePlan',
    item: 'API Gateway usage plan',
    price: (p) => p.apiGateway.perUsagePlanMonth,
  },
];

/** The resource types the fixed items are counted from. */
export const FIXED_TYPES = KINDS.map((k) => k.type);

function keyRotation(resources: StackResources, total: number, prices: Prices): KeyRotation | null {
  const keys = resourcesOfType(resources, 'AWS::KMS::Key').map(([, r]) => r.Properties ?? {});
  const rotating = keys.filter((k) => k.EnableKeyRotation === true || k.EnableKeyRotation === 'true');
  const { perRotationKeyMonth, billedRotations } = prices.kms;
  if (!rotating.length || !billedRotations) return null;
  const periodDays = Math.max(
    ...rotating.map((k) => Number(k.RotationPeriodInDays ?? DEFAULT_ROTATION_DAYS)),
  );
  return {
    rotatingKeys: rotating.length,
    keys: keys.length,
    periodDays,
    addedPerRotation: perRotationKeyMonth,
    billedRotations,
    fromDay: periodDays * billedRotations,
    totalAfter: total + rotating.length * perRotationKeyMonth * billedRotations,
  };
}

/** The month's fixed cost of the stack's resources, each counted from the template. */
export function fixedMonthly(resources: StackResources, prices: Prices): FixedMonthly {
  const items: FixedItem[] = [];
  const unpriced: string[] = [];
  for (const kind of KINDS) {
    const found = resourcesOfType(resources, kind.type);
    const priced = found.filter(([, r]) => kind.prices?.(r) ?? true).map(([id]) => id);
    unpriced.push(...found.map(([id]) => id).filter((id) => !priced.includes(id)));
    if (!priced.length) continue;
    const each = kind.price(prices);
    items.push({
      item: kind.item,
      resourceType: kind.type,
      resources: priced,
      count: priced.length,
      perMonthEach: each,
      perMonth: each * priced.length,
    });
  }
  const total = items.reduce((sum, i) => sum + i.perMonth, 0);
  return { items, total, keyRotation: keyRotation(resources, total, prices), unpriced };
}
