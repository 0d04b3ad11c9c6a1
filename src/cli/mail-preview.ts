import { parseArgs } from 'node:util';
import type { Services } from '../composition/services.ts';
import { londonDate } from '../core/calendar.ts';
import type { MessageContent } from '../core/intake-messages.ts';
import { exampleNotice, needsAttentionMessage, STAFF_EMAILS } from '../core/notice-messages.ts';
import { type NoticeKind, noticeKey } from '../core/notices.ts';
import { exampleOutcomeLetter, outcomeLetterKey } from '../core/outcome-messages.ts';
import type { IsoDate } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import { exampleUnreadableCase } from '../use-cases/sweep-deadlines.ts';
import { needsAttentionKey } from '../use-cases/tell-case-team.ts';
import { type Command, UsageError } from './arguments.ts';

/** Besides the staff emails, the letter a complainant gets with an outcome. */
const OUTCOME = 'outcome';
export const PREVIEWS = [...STAFF_EMAILS, OUTCOME] as const;
type Preview = (typeof PREVIEWS)[number];

/**
 * Writes an example of each staff email and of the outcome letter (or of one of them) to the
 * mailer, to see what staff and complainants get.
 */
export const run: Command = async (args, io, wiring) => {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [kind, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError('give at most one notice kind');
  if (kind !== undefined && !(PREVIEWS as readonly string[]).includes(kind)) {
    throw new UsageError(`there is no notice "${kind}"; the notices are: ${PREVIEWS.join(', ')}`);
  }
  const wired = await wiring.services();
  const [provider] = await wired.providers();
  if (provider === undefined) throw new Error('there are no providers in content/providers');
  const today = londonDate(new Date());
  for (const each of kind === undefined ? PREVIEWS : [kind as Preview]) {
    const example = exampleEmail(each, provider, today, wired);
    const { id } = await wired.mailer.send({
      to: [each === OUTCOME ? 'ada@example.org' : 'staff@example.org'],
      ...example.message,
      idempotencyKey: `preview-${example.key}-${Date.now()}`,
      tag: 'preview',
    });
    io.out(`${each}: ${id}`);
  }
  return 0;
};

/** An example of one kind of email, and a key naming it. */
function exampleEmail(
  kind: Preview,
  provider: Provider,
  today: IsoDate,
  wired: Services,
): { message: MessageContent; key: string } {
  const caseUrl = (path: string) => wired.caseUrl(provider, path);
  if (kind === OUTCOME) {
    const { message, letter } = exampleOutcomeLetter(
      provider,
      today,
      wired.calendar(provider.nation),
      (stored, sent) => wired.escalationLink(provider, stored, sent),
    );
    return { message, key: outcomeLetterKey(letter) };
  }
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
