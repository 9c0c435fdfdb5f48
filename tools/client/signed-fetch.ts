// POST /tickets authorizes with AWS_IAM, so every client of it signs its requests with SigV4, as
// it must against AWS. LocalStack does not check the signature; the bytes sent are the same.
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

export const SIGNING_SERVICE = 'execute-api';

/** The region a request is signed for: the SDK's own variable. */
export const signingRegion = (): string => process.env.AWS_REGION ?? 'us-east-1';

/** A POST ready to send: `headers` carry host, x-amz-date, x-amz-content-sha256 and authorization. */
export type SignedRequest = { url: string; headers: Record<string, string>; body: string };

export type RequestOptions = {
  /** Sent and signed as they are (content-type, idempotency-key, ...). */
  headers?: Record<string, string>;
  /** For a stage deployed with API keys: sent as x-api-key. */
  apiKey?: string;
};

type SignerConfig = {
  credentials?: ConstructorParameters<typeof SignatureV4>[0]['credentials'];
  region?: string;
};

/**
 * A signer for POSTs to the API. By default the SDK's provider chain finds the credentials and
 * AWS_REGION the region, both read when a request is signed (the tools set the env at start).
 */
export function requestSigner(config: SignerConfig = {}) {
  const signer = new SignatureV4({
    service: SIGNING_SERVICE,
    region: config.region ?? (async () => signingRegion()),
    credentials: config.credentials ?? defaultProvider(),
    sha256: Hash.bind(null, 'sha256'),
  });
  return async (url: string, body: string, opts: RequestOptions = {}): Promise<SignedRequest> => {
    const target = new URL(url);
    const headers: Record<string, string> = { ...opts.headers, host: target.host };
    if (opts.apiKey) headers['x-api-key'] = opts.apiKey;
    const signed = await signer.sign({
      method: 'POST',
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers,
      body,
    });
    return { url, headers: signed.headers, body };
  };
}

/** Signs with the default credentials and region; made once, like an SDK client. */
export const signRequest = requestSigner();

/** Sends a signed request as it was signed. Separate from signing, so a timer can start here. */
export function sendSigned(request: SignedRequest, signal?: AbortSignal): Promise<Response> {
  return fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal });
}

/** Signs and sends a POST to the API. */
export async function signedPost(
  url: string,
  body: string,
  opts: RequestOptions & { signal?: AbortSignal } = {},
): Promise<Response> {
  return sendSigned(await signRequest(url, body, opts), opts.signal);
}
