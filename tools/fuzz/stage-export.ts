// Writes the local stage's own OpenAPI export (`aws apigateway get-export --export-type oas30`)
// to the file given, and prints the stage's base URL: what `make fuzz` hands Schemathesis.
import { writeFileSync } from 'node:fs';
import { APIGatewayClient, GetExportCommand } from '@aws-sdk/client-api-gateway';
import { readStackInfo, STAGE } from '../../localstack/stack-info';

async function main(out: string): Promise<void> {
  const { apiId, apiUrl } = await readStackInfo();
  const { body } = await new APIGatewayClient({}).send(
    new GetExportCommand({
      restApiId: apiId,
      stageName: STAGE,
      exportType: 'oas30',
      accepts: 'application/json',
    }),
  );
  if (!body) throw new Error(`GetExport of ${apiId}/${STAGE} answered no document`);
  writeFileSync(out, Buffer.from(body));
  console.log(apiUrl.replace(/\/tickets$/, ''));
}

const [out] = process.argv.slice(2);
if (!out) throw new Error('usage: stage-export.ts <file.json>');
main(out).catch((err) => {
  console.error(err);
  process.exit(1);
});
