/**
 * The SDK's standard variables pointed at LocalStack, where nothing else set them: the
 * only LocalStack wiring the integration suite and the bench use (localstack/common.sh
 * exports the same for the make targets).
 */
export function useLocalStackEnv(): void {
  process.env.AWS_ENDPOINT_URL ??= process.env.LOCALSTACK_URL ?? 'http://127.0.0.1:4566';
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  process.env.AWS_REGION ??= 'us-east-1';
  // The SDK warns on Node < 22; Lambda runs nodejs22.x, only local tooling is on 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
