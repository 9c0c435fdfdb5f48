// Edit-to-effect: from saving a handler to the first response that shows the edit, through
// the deployed `local` stage, with the same watch build as `make watch`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { openTicket } from '../../handlers/tickets/open-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { summarize } from '../shared/stats';
import { type HandlerBuild, watchHandlers } from '../watch/handler-build';
import { type Target, timedCall } from './http-load';
import type { HotReloadFigure } from './report-types';

export const HANDLER = join(__dirname, '..', '..', 'handlers', 'generate-ticket.ts');
/** The line the bench edits, as it stands in the handler (inside its withLogKeys callback). */
const INDENT = '    ';
export const ANCHOR = `${INDENT}const ticket = issueTicket(details);\n`;
const GIVE_UP_MS = 15_000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const kms = new KMSClient({});
const randomCode = () => Array.from({ length: 10 }, () => BASE32[Math.floor(Math.random() * 32)]).join('');

/** The verification code of the ticket one Generate issues, read by opening the envelope. */
async function issuedCode(generate: Target, keyArn: string): Promise<string> {
  const { body } = await timedCall(generate);
  return (await openTicket(SealedTicket.parse(JSON.parse(body)), { kms, keyArn })).verificationCode;
}

/** Polls Generate until `shows(code)`; the ms from `since` to that response. */
async function untilShown(
  generate: Target,
  keyArn: string,
  since: number,
  shows: (code: string) => boolean,
): Promise<number> {
  while (performance.now() - since < GIVE_UP_MS) {
    if (shows(await issuedCode(generate, keyArn))) return performance.now() - since;
  }
  throw new Error(`an edit of ${HANDLER} did not reach POST /tickets within ${GIVE_UP_MS / 1000} s`);
}

/** What the edits run through: `make watch`'s build, and the deployed stack's ticket key. */
type HotReloadSetup = {
  build: HandlerBuild;
  /** openTicket decrypts with that key alone (strict mode). */
  keyArn: string;
};

/**
 * Edits handlers/generate-ticket.ts (the issued ticket gets a chosen verification code), saves
 * it, and times until a Generate returns that code; then restores the file and times that too.
 * The file is restored whatever happens, Ctrl-C included.
 */
export async function editToEffect(
  generate: Target,
  { build, keyArn }: HotReloadSetup,
  rounds: number,
): Promise<HotReloadFigure> {
  const original = readFileSync(HANDLER, 'utf8');
  if (!original.includes(ANCHOR))
    throw new Error(`${HANDLER} no longer contains the line the bench edits: ${ANCHOR}`);
  const builds: number[] = [];
  let first = true; // the watch's initial build is not an edit
  const watcher = await watchHandlers(build, ({ errors, ms }) => {
    if (!first && errors.length === 0) builds.push(ms);
    first = false;
  });
  const restore = () => writeFileSync(HANDLER, original);
  process.once('SIGINT', () => {
    restore();
    process.exit(130);
  });
  const edits: number[] = [];
  const reverts: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const code = randomCode();
      let saved = performance.now();
      writeFileSync(
        HANDLER,
        original.replace(ANCHOR, `${ANCHOR}${INDENT}ticket.verificationCode = '${code}';\n`),
      );
      edits.push(await untilShown(generate, keyArn, saved, (c) => c === code));
      saved = performance.now();
      restore();
      reverts.push(await untilShown(generate, keyArn, saved, (c) => c !== code));
    }
  } finally {
    restore();
    await watcher.dispose();
  }
  return { rounds, editMs: summarize(edits), revertMs: summarize(reverts), buildMs: summarize(builds) };
}
