import { readStackInfo, type StackInfo } from '../../localstack/stack-info';
import { signedPost } from '../../tools/client/signed-fetch';

let cached: Promise<StackInfo> | undefined;

/**
 * The deployed `local` stage. Fails the suite at once, with what to do, when LocalStack is
 * not up or the stack is not deployed, instead of letting every test time out.
 */
export function localStack(): Promise<StackInfo> {
  cached ??= (async () => {
    const endpoint = process.env.AWS_ENDPOINT_URL ?? '';
    // /_localstack/health, or /_localemu/health with LOCAL_EMULATOR=localemu (localstack/engine.sh).
    const health = await fetch(`${endpoint}${process.env.EMU_INTERNAL_PATH ?? '/_localstack'}/health`).catch(
      () => undefined,
    );
    if (!health?.ok)
      throw new Error(`The emulator does not answer at ${endpoint}. Run \`make local-up\` first.`);
    return readStackInfo();
  })();
  return cached;
}

/** POST /tickets as a client would send it: SigV4-signed. */
export async function postTickets(
  body: unknown,
  opts: { contentType?: string; raw?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { apiUrl } = await localStack();
  const res = await signedPost(apiUrl, opts.raw ? String(body) : JSON.stringify(body), {
    headers: { 'Content-Type': opts.contentType ?? 'application/json', ...opts.headers },
  });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`POST /tickets answered ${res.status} with a body that is not JSON: ${text}`);
  }
  return { status: res.status, body: parsed };
}
