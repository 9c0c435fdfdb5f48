import { KMSClient } from '@aws-sdk/client-kms';

/**
 * One client per service, made once per container. Region and endpoint come from the
 * SDK's standard variables (AWS_REGION, AWS_ENDPOINT_URL[_KMS]); nothing here knows
 * about LocalStack.
 */
export const kms = new KMSClient({});
