// Unit tests run without AWS: fixed region and key id, quiet logs.
process.env.AWS_REGION = 'us-east-1';
process.env.TICKET_KEY_ID = 'arn:aws:kms:us-east-1:111122223333:key/unit-test-key';
// The data-key cache as serverless.yml sets it by default (tests/unit/data-key-cache.test.ts varies it).
process.env.TICKET_DATA_KEY_MAX_AGE_SECONDS = '300';
process.env.TICKET_DATA_KEY_MAX_TICKETS = '1000';
process.env.TICKET_DATA_KEY_MAX_BYTES = '1048576';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
// The SDK warns on Node < 22; Lambda runs nodejs22.x, only local tooling is on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
