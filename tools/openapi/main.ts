// `make openapi`: packages the dev stage offline and writes docs/openapi.json from the template.
// `--check` fails when the committed file is stale (the unit suite checks it too).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiFromTemplate } from './from-template';
import { packageStage } from './package-stage';

export const OPENAPI_PATH = join(__dirname, '..', '..', 'docs', 'openapi.json');

export function renderOpenApi(): string {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return `${JSON.stringify(openApiFromTemplate(packageStage('dev'), version), null, 2)}\n`;
}

if (require.main === module) {
  const text = renderOpenApi();
  if (process.argv.includes('--check')) {
    if (readFileSync(OPENAPI_PATH, 'utf8') !== text) {
      console.error('docs/openapi.json is stale: run `make openapi`');
      process.exit(1);
    }
  } else {
    writeFileSync(OPENAPI_PATH, text);
    console.log(`wrote ${OPENAPI_PATH} (${Buffer.byteLength(text)} bytes)`);
  }
}
