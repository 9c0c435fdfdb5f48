/** `make load` sends only to this host: the LocalStack that `make local-up` started. */
export const LOOPBACK = '127.0.0.1';

/**
 * The endpoints the tool would talk to, refused unless every one is 127.0.0.1: the API URL
 * and every AWS_ENDPOINT_URL* variable the SDK clients read. Returns the problems.
 */
export function nonLocalEndpoints(urls: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, url] of Object.entries(urls)) {
    if (url === undefined) continue;
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      problems.push(`${name} is not a URL: ${url}`);
      continue;
    }
    if (host !== LOOPBACK) problems.push(`${name} points at ${host}, not ${LOOPBACK}: ${url}`);
  }
  return problems;
}

/** AWS_ENDPOINT_URL and its per-service forms (AWS_ENDPOINT_URL_S3, ...), as set in `env`. */
export function endpointVariables(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('AWS_ENDPOINT_URL')));
}
