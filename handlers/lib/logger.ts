import { Logger } from '@aws-lambda-powertools/logger';

/** Log ticket ids and outcomes only: ticket plaintext must never reach a log. */
export const logger = new Logger({ serviceName: 'ticket-orchestrator' });
