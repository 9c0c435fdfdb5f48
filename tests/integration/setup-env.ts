import { useLocalStackEnv } from '../../localstack/local-env';

useLocalStackEnv();
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
