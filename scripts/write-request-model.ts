// Writes the API Gateway models from the zod schemas: api/ticket-request.model.json (the request)
// and api/ticket-responses.model.json (one model per answered status). The unit suite fails when
// either committed file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestModel } from '../handlers/tickets/ticket-request';
import { responseModels } from '../handlers/tickets/ticket-responses';

export const MODEL_PATH = join(__dirname, '..', 'api', 'ticket-request.model.json');
export const RESPONSES_PATH = join(__dirname, '..', 'api', 'ticket-responses.model.json');
export const renderModel = (): string => `${JSON.stringify(requestModel(), null, 2)}\n`;
export const renderResponseModels = (): string => `${JSON.stringify(responseModels(), null, 2)}\n`;

if (require.main === module) {
  writeFileSync(MODEL_PATH, renderModel());
  writeFileSync(RESPONSES_PATH, renderResponseModels());
  console.log(`wrote ${MODEL_PATH} and ${RESPONSES_PATH}`);
}
