import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { londonDate } from '../core/calendar.ts';
import type { PersonQuery } from '../core/personal-data.ts';
import { recordPage } from '../core/record-page.ts';
import { findPersonalData } from '../use-cases/personal-data.ts';
import { type Command, UsageError } from './arguments.ts';

/**
 * Answers a subject access request (UK GDPR, Article 15): every case, waiting submission, request
 * for the next stage, entry counting acknowledgements to their address and kept message about the
 * person, written as JSON (complete) and as an HTML page (to read or print).
 */
export const run: Command = async (args, io, wiring) => {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, phone: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  });
  const query = personQuery(values.email, values.phone);
  const wired = await wiring.services();
  const found = await findPersonalData(wired, await wired.providers(), query);
  const today = londonDate(new Date());
  const folder = resolve(values.out ?? join(wired.settings.dataDir, 'subject-access'));
  await mkdir(folder, { recursive: true });
  const name = `subject-access-${today}`;
  await writeFile(join(folder, `${name}.json`), `${JSON.stringify(found, null, 2)}\n`);
  const who = 'email' in query ? query.email : query.phone;
  await writeFile(
    join(folder, `${name}.html`),
    recordPage(
      `Information held about ${who}`,
      `Found on ${today} in every case store, the intake queue, the requests for the next stage, the notice ledger and the outbox.`,
      [
        { heading: 'Cases', records: found.cases },
        { heading: 'Complaints not yet in a case store', records: found.pending },
        { heading: 'Requests for the next stage not yet on their case', records: found.escalations },
        {
          heading: 'Acknowledgements counted (a hash of the address, the day, and a complaint or a place)',
          records: found.acknowledgements,
        },
        {
          heading: 'Emails',
          records: found.messages.map(({ id, sentAt, message }) => ({
            id,
            sentAt,
            to: message.to,
            subject: message.subject,
            text: message.text,
          })),
        },
      ],
    ),
  );
  io.out(
    `${found.cases.length} cases, ${found.pending.length} waiting, ${found.escalations.length} requests for the next stage, ${found.acknowledgements.length} acknowledgements counted, ${found.messages.length} emails: ${join(folder, name)}.json and .html`,
  );
  return 0;
};

function personQuery(email: string | undefined, phone: string | undefined): PersonQuery {
  if ((email === undefined) === (phone === undefined)) {
    throw new UsageError("give the person's --email or their --phone (one of them)");
  }
  if (email !== undefined) {
    if (!email.includes('@')) throw new UsageError(`--email must be an email address (found "${email}")`);
    return { email };
  }
  if (!/\d{5}/.test((phone ?? '').replace(/\D/g, ''))) {
    throw new UsageError(`--phone must be a phone number (found "${phone}")`);
  }
  return { phone: phone as string };
}
