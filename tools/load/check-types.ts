import type { Environment } from '../shared/report-types';
import type { Delivery } from './deliveries';
import type { Outcome } from './post-ticket';

/** What every check gets: where to send, which bucket to look in, and the run's id and clock. */
export type LoadContext = {
  apiUrl: string;
  bucket: string;
  run: string;
  now: Date;
  timeoutMs: number;
  /** What the background faults name: the topic and the two functions. */
  topicArn: string;
  generateFn: string;
  encryptFn: string;
};

/** One check as it ran: its requests and the violations it saw in the answers themselves. */
export type CheckRun = {
  name: string;
  /** What it sent, in a sentence, for the report. */
  what: string;
  outcomes: Outcome[];
  elapsedMs: number;
  /** Ticket ids answered with 201: each must be stored once and reach the queue once. */
  tickets: string[];
  /** Its events' id prefix: a stray ticket for one of them is this check's violation. */
  eventPrefix: string;
  violations: string[];
  notes: string[];
  /** Deliveries may repeat (a lost answer is retried): extra copies are counted, not violations. */
  atLeastOnce?: boolean;
  /** The faults injected while it ran, by kind. */
  faultsInjected?: { total: number; byKind: [string, number][] };
};

/** A check with the run's audit of the queue and the bucket added. */
export type CheckReport = CheckRun & { queue: Delivery; store: Delivery; strays: string[] };

export type RunReport = {
  environment: Environment;
  /** The extension's speed patches: on, off, or absent. */
  speedPatches: string;
  command: string;
  elapsedS: number;
  checks: CheckReport[];
  /** Violations of the run as a whole (an unreadable message, an audit cut short). */
  runViolations: string[];
  notes: string[];
};
