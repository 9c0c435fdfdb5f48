/**
 * The OpenAPI 3.0 document of POST /tickets, read from the packaged CloudFormation template:
 * the method's request models and its method responses with their models, exactly what API
 * Gateway deploys (and what `aws apigateway get-export --export-type oas30` gives back).
 */
type Resource = { Type: string; Properties?: Record<string, unknown> };
export type CfnTemplate = { Resources: Record<string, Resource> };
type Ref = { Ref: string };
type MethodResponse = { StatusCode: string; ResponseModels?: Record<string, Ref> };

/** JSON Schema draft 4 as API Gateway holds it, as an OpenAPI 3.0 schema object. */
function toOpenApiSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApiSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== '$schema' && key !== 'contentEncoding')
      .map(([key, value]) => [
        key,
        key === 'properties' || key === 'enum' ? mapProperties(key, value) : toOpenApiSchema(value),
      ]),
  );
}
const mapProperties = (key: string, value: unknown) =>
  key === 'enum'
    ? value
    : Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toOpenApiSchema(v)]),
      );

const HEADER_NOTES: Record<string, string> = {
  'Idempotency-Key':
    'Any string of at most 255 characters (longer: 400 InvalidIdempotencyKey); the same key and body give the same ticket.',
};

/** The method's declared request headers (`method.request.header.<name>: <required>`). */
function headerParameters(declared: Record<string, boolean> = {}) {
  const prefix = 'method.request.header.';
  return Object.entries(declared)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, required]) => {
      const name = key.slice(prefix.length);
      return {
        name,
        in: 'header',
        required,
        description: HEADER_NOTES[name] ?? '',
        schema: { type: 'string' },
      };
    });
}

export function openApiFromTemplate(template: CfnTemplate, version: string): Record<string, unknown> {
  const resources = template.Resources;
  const method = resources.ApiGatewayMethodTicketsPost?.Properties;
  if (!method) throw new Error('openapi: the packaged template has no ApiGatewayMethodTicketsPost');
  const modelOf = (ref: Ref) => {
    const model = resources[ref.Ref]?.Properties;
    if (!model) throw new Error(`openapi: no model ${ref.Ref}`);
    return { name: String(model.Name ?? ref.Ref), schema: toOpenApiSchema(model.Schema) };
  };
  const schemas: Record<string, unknown> = {};
  const content = (models: Record<string, Ref>) =>
    Object.fromEntries(
      Object.entries(models).map(([type, ref]) => {
        const { name, schema } = modelOf(ref);
        schemas[name] = schema;
        return [type, { schema: { $ref: `#/components/schemas/${name}` } }];
      }),
    );
  const requestContent = content(method.RequestModels as Record<string, Ref>);
  const responses = Object.fromEntries(
    (method.MethodResponses as MethodResponse[]).map((r) => [
      r.StatusCode,
      { description: `${r.StatusCode} response`, content: content(r.ResponseModels ?? {}) },
    ]),
  );
  return {
    openapi: '3.0.1',
    info: {
      title: 'ticket-orchestrator',
      version,
      description:
        'POST /tickets: generate or fetch an encrypted event ticket. Requests are SigV4-signed (service execute-api). Generated from the packaged CloudFormation template by `make openapi`.',
    },
    paths: {
      '/tickets': {
        post: {
          operationId: 'postTickets',
          parameters: headerParameters(method.RequestParameters as Record<string, boolean> | undefined),
          requestBody: { required: true, content: requestContent },
          responses,
          security: [{ sigv4: [] }],
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        sigv4: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'awsSigv4',
        },
      },
    },
  };
}
