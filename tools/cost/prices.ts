import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

const Price = z.number().nonnegative();
const Service = { source: z.url(), note: z.string().optional() };

const Prices = z.object({
  region: z.string(),
  currency: z.literal('USD'),
  retrievedOn: z.iso.date(),
  status: z.string(),
  apiGateway: z.object({ ...Service, restPerMillionRequests: Price }),
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
  kms: z.object({ ...Service, perTenThousandRequests: Price }),
  sns: z.object({ ...Service, perMillionPublishes: Price }),
  s3: z.object({ ...Service, perThousandPut: Price, perThousandGet: Price }),
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
