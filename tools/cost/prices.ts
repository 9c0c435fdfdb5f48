import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

const Price = z.number().nonnegative();
// `quote`: the pricing page's own words, where a rule is easier to check against them than a number.
const Service = { source: z.url(), note: z.string().optional(), quote: z.string().optional() };

const Prices = z.object({
  region: z.string(),
  currency: z.literal('USD'),
  retrievedOn: z.iso.date(),
  status: z.string(),
  apiGateway: z.object({
    ...Service,
    restPerMillionRequests: Price,
    perApiKeyMonth: Price,
    perUsagePlanMonth: Price,
  }),
  stepFunctions: z.object({
    ...Service,
    standardPerThousandTransitions: Price,
    expressPerMillionRequests: Price,
    expressPerGbSecond: Price,
    expressMemoryIncrementMb: z.number().int().positive(),
    expressDurationIncrementMs: z.number().int().positive(),
  }),
  lambda: z.object({
    ...Service,
    perMillionRequests: Price,
    perGbSecondX86: Price,
    durationIncrementMs: z.number().int().positive(),
  }),
  kms: z.object({
    ...Service,
    perTenThousandRequests: Price,
    perKeyMonth: Price,
    perRotationKeyMonth: Price,
    billedRotations: z.number().int().nonnegative(),
  }),
  sns: z.object({ ...Service, perMillionPublishes: Price, perTopicMonth: Price }),
  s3: z.object({ ...Service, perThousandPut: Price, perThousandGet: Price }),
  cloudWatch: z.object({ ...Service, perStandardAlarmMonth: Price, logsPerGbIngested: Price }),
  xray: z.object({ ...Service, perMillionTracesRecorded: Price }),
});

export type Prices = z.infer<typeof Prices>;

export const DEFAULT_PRICES_FILE = join(__dirname, 'prices.us-east-1.json');

export function parsePrices(raw: unknown, file = 'prices'): Prices {
  const result = Prices.safeParse(raw);
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function readPrices(file = DEFAULT_PRICES_FILE): Prices {
  return parsePrices(JSON.parse(readFileSync(file, 'utf8')), file);
}
