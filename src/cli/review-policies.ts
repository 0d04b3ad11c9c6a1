import { parseArgs } from 'node:util';
import { remindPublishers } from '../use-cases/review-policies.ts';
import { type Command, todayFrom } from './arguments.ts';

/** Reminds the publishers of policy reviews coming up or due. */
export const run: Command = async (args, io, wiring) => {
  const { values } = parseArgs({ args, options: { now: { type: 'string' } }, strict: true });
  const wired = await wiring.services();
  const { publishers, siteUrl } = wired.settings;
  const { reminders, sent } = await remindPublishers({
    policies: await wired.policies(),
    today: todayFrom(values.now),
    publishers,
    mailer: wired.mailer,
    ledger: wired.noticeLedger,
    siteUrl,
  });
  for (const reminder of reminders) {
    io.out(
      reminder.when === 'no-date'
        ? `${reminder.slug}: a yearly review is promised, but no date to count from is known`
        : `${reminder.slug}: review ${reminder.when === 'due' ? 'was due' : 'due'} ${reminder.nextReviewDate}`,
    );
  }
  io.out(
    publishers.length === 0
      ? `${reminders.length} reminders; PUBLISHERS_EMAIL is not set, so none was mailed`
      : `${reminders.length} reminders, ${sent} mailed`,
  );
  return 0;
};
