// Writes api/ticket-request.model.json, the API Gateway model, from the zod request schema.
// The unit suite fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestModel } from '../handlers/tickets/ticket-request';

export const MODEL_PATH = join(__dirname, '..', 'api', 'ticket-request.model.json');
export const renderModel = (): string => `${JSON.stringify(requestModel(), null, 2)}\n`;

if (require.main === module) {
  writeFileSync(MODEL_PATH, renderModel());
  console.log(`wrote ${MODEL_PATH}`);
}
