import { parseArgs } from 'node:util';
import { londonDate } from '../core/calendar.ts';
import type { MessageContent } from '../core/intake-messages.ts';
import {
  exampleNotice,
  needsAttentionMessage,
  STAFF_EMAILS,
  type StaffEmail,
} from '../core/notice-messages.ts';
import { type NoticeKind, noticeKey } from '../core/notices.ts';
import type { IsoDate } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import { exampleUnreadableCase } from '../use-cases/sweep-deadlines.ts';
import { needsAttentionKey } from '../use-cases/tell-case-team.ts';
import { type Command, UsageError } from './arguments.ts';

/** Writes an example of each staff email (or of one kind) to the mailer, to see what staff get. */
export const run: Command = async (args, io, wiring) => {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [kind, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError('give at most one notice kind');
  if (kind !== undefined && !(STAFF_EMAILS as readonly string[]).includes(kind)) {
    throw new UsageError(`there is no notice "${kind}"; the notices are: ${STAFF_EMAILS.join(', ')}`);
  }
  const wired = await wiring.services();
  const [provider] = await wired.providers();
  if (provider === undefined) throw new Error('there are no providers in content/providers');
  const today = londonDate(new Date());
  for (const each of kind === undefined ? STAFF_EMAILS : [kind as StaffEmail]) {
    const example = exampleEmail(each, provider, today, (path) => wired.caseUrl(provider, path));
    const { id } = await wired.mailer.send({
      to: ['staff@example.org'],
      ...example.message,
      idempotencyKey: `preview-${example.key}-${Date.now()}`,
      tag: 'preview',
    });
    io.out(`${each}: ${id}`);
  }
  return 0;
};

/** An example of one kind of staff email, and a key naming it. */
function exampleEmail(
  kind: StaffEmail,
  provider: Provider,
  today: IsoDate,
  caseUrl: (path: string) => string,
): { message: MessageContent; key: string } {
  if (kind === 'needs-attention') {
    const skipped = exampleUnreadableCase(provider, today);
    return {
      message: needsAttentionMessage(provider, skipped, caseUrl(skipped.path)),
      key: needsAttentionKey(skipped),
    };
  }
  const { notice, message } = exampleNotice(provider, kind satisfies NoticeKind, today, caseUrl);
  return { message, key: noticeKey(notice) };
}
