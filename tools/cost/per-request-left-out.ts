import { ACCESS_LOG_LINE_BYTES } from './assumptions';
import type { Prices } from './prices';
import type { StackConfig } from './serverless-config';
import { resourcesOfType } from './stack-resources';

/** A per-request cost the path figures leave out, priced on its own so a reader can add it. */
export interface LeftOutItem {
  service: string;
  item: string;
  perRequest: number;
  why: string;
}

// CloudWatch prices data per GB, taken as 10^9 bytes.
const BYTES_PER_GB = 1e9;

/**
 * The API's access-log line and X-Ray. The path figures price no CloudWatch Logs ingestion (the
 * functions' and the machine's log lines are per request too), so adding the access log alone
 * would price one log source of several; X-Ray is off unless the tracing param turns it on.
 */
export function perRequestLeftOut(stack: StackConfig, prices: Prices): LeftOutItem[] {
  const items: LeftOutItem[] = [];
  const accessLogged = resourcesOfType(stack.resources, 'AWS::ApiGateway::Stage').some(
    ([, stage]) => stage.Properties?.AccessLogSetting !== undefined,
  );
  if (accessLogged) {
    items.push({
      service: 'CloudWatch Logs',
      item: `API access log line, about ${ACCESS_LOG_LINE_BYTES} bytes ingested`,
      perRequest: (ACCESS_LOG_LINE_BYTES / BYTES_PER_GB) * prices.cloudWatch.logsPerGbIngested,
      why: 'log ingestion is not priced per path',
    });
  }
  items.push({
    service: 'X-Ray',
    item: 'a trace recorded for every request',
    perRequest: prices.xray.perMillionTracesRecorded / 1e6,
    why: `optional, tracing param ${stack.tracing ? 'on' : 'off'}; sampling records fewer`,
  });
  return items;
}
