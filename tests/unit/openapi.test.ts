import { readFileSync } from 'node:fs';
import { OPENAPI_PATH, renderOpenApi } from '../../tools/openapi/main';

/** docs/openapi.json mirrors what the packaged template deploys: request and response models. */
describe('docs/openapi.json', () => {
  const committed = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
  const post = committed.paths['/tickets'].post;

  it('is what `make openapi` writes from the packaged template (run it when this fails)', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(renderOpenApi());
  });

  it('documents every status the contract answers, each with a JSON schema', () => {
    expect(Object.keys(post.responses).sort()).toEqual(
      ['200', '201', '400', '403', '404', '409', '413', '422', '429', '500', '502'].sort(),
    );
    for (const response of Object.values(post.responses) as {
      content: Record<string, { schema: unknown }>;
    }[]) {
      expect(response.content['application/json']?.schema).toEqual({
        $ref: expect.stringMatching(/^#\/components\/schemas\//),
      });
    }
  });

  it('gives every request content type a schema a tool can generate from (no `not: {}`)', () => {
    for (const name of Object.keys(committed.components.schemas)) {
      expect(committed.components.schemas[name]).not.toHaveProperty('not');
    }
    expect(Object.keys(post.requestBody.content).sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
  });
});
