import { parseArgs } from 'node:util';
import { londonDate } from '../core/calendar.ts';
import { exampleNotice } from '../core/notice-messages.ts';
import { NOTICE_KINDS, type NoticeKind, noticeKey } from '../core/notices.ts';
import { type Command, UsageError } from './arguments.ts';

/** Writes an example of each notice (or of one kind) to the mailer, to see what staff get. */
export const run: Command = async (args, io, wiring) => {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [kind, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError('give at most one notice kind');
  if (kind !== undefined && !(NOTICE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`there is no notice "${kind}"; the notices are: ${NOTICE_KINDS.join(', ')}`);
  }
  const wired = await wiring.services();
  const [provider] = await wired.providers();
  if (provider === undefined) throw new Error('there are no providers in content/providers');
  const today = londonDate(new Date());
  for (const each of kind === undefined ? NOTICE_KINDS : [kind as NoticeKind]) {
    const { notice, message } = exampleNotice(provider, each, today, (path) => wired.caseUrl(provider, path));
    const { id } = await wired.mailer.send({
      to: ['staff@example.org'],
      ...message,
      idempotencyKey: `preview-${noticeKey(notice)}-${Date.now()}`,
      tag: 'preview',
    });
    io.out(`${each}: ${id}`);
  }
  return 0;
};
