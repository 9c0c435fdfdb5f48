// Unit tests run without AWS: fixed region and key id, quiet logs.
process.env.AWS_REGION = 'us-east-1';
process.env.TICKET_KEY_ID = 'arn:aws:kms:us-east-1:111122223333:key/unit-test-key';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
// The SDK warns on Node < 22; Lambda runs nodejs22.x, only local tooling is on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
