import { parseArgs } from 'node:util';
import { londonDate } from '../core/calendar.ts';
import { exampleNotice } from '../core/notice-messages.ts';
import { NOTICE_KINDS, noticeKey } from '../core/notices.ts';
import { exampleOutcomeLetter, outcomeLetterKey } from '../core/outcome-messages.ts';
import { type Command, UsageError } from './arguments.ts';

/** Besides the notices, the letter a complainant gets with an outcome. */
const OUTCOME = 'outcome';
export const PREVIEWS = [...NOTICE_KINDS, OUTCOME] as const;
type Preview = (typeof PREVIEWS)[number];

/**
 * Writes an example of each notice and of the outcome letter (or of one of them) to the mailer,
 * to see what staff and complainants get.
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
    const example =
      each === OUTCOME
        ? exampleOutcomeLetter(provider, today, wired.calendar(provider.nation), (stored, letter) =>
            wired.escalationLink(provider, stored, letter),
          )
        : exampleNotice(provider, each, today, (path) => wired.caseUrl(provider, path));
    const key = 'notice' in example ? noticeKey(example.notice) : outcomeLetterKey(example.letter);
    const { id } = await wired.mailer.send({
      to: [each === OUTCOME ? 'ada@example.org' : 'staff@example.org'],
      ...example.message,
      idempotencyKey: `preview-${key}-${Date.now()}`,
      tag: 'preview',
    });
    io.out(`${each}: ${id}`);
  }
  return 0;
};
