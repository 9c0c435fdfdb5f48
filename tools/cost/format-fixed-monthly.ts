import type { FixedMonthly, KeyRotation } from './fixed-monthly';
import { formatTable } from './table';

const usd = (n: number) => n.toFixed(2);

function rotationLines(k: KeyRotation): string[] {
  return [
    `Assumption: the total is a month before any key rotates. Rotation is on for ${k.rotatingKeys} of ${k.keys} KMS keys,`,
    `  every ${k.periodDays} days; each of a key's first ${k.billedRotations} rotations adds $${usd(k.addedPerRotation)} a month and later ones`,
    `  nothing, so from day ${k.fromDay} the total is $${usd(k.totalAfter)} a month.`,
  ];
}

/** The stack's fixed monthly items, apart from the per-request tables. */
export function formatFixedMonthly(f: FixedMonthly): string {
  const rows = f.items.map((i) => [i.item, String(i.count), usd(i.perMonthEach), usd(i.perMonth)]);
  rows.push(['Total', '', '', usd(f.total)]);
  const table = formatTable(['Item', 'Count', '$ each a month', '$ a month'], rows, [
    'left',
    'right',
    'right',
    'right',
  ]);
  return [
    "Fixed monthly, whatever the traffic (counted from serverless.yml's resources):",
    table,
    ...(f.keyRotation ? rotationLines(f.keyRotation) : []),
    ...(f.unpriced.length ? [`No price for: ${f.unpriced.join(', ')} (left out)`] : []),
  ].join('\n');
}
