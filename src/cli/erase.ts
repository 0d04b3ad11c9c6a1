import { parseArgs } from 'node:util';
import { londonDate } from '../core/calendar.ts';
import { normaliseReference } from '../core/reference.ts';
import { eraseComplaint } from '../use-cases/personal-data.ts';
import { type Command, UsageError } from './arguments.ts';

/**
 * Erases one complaint's personal data everywhere Redress keeps it, the case store's history
 * included. Without `--yes` it only says what it found, so nobody erases the wrong case by a typo.
 */
export const run: Command = async (args, io, wiring) => {
  const { values, positionals } = parseArgs({
    args,
    options: { yes: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [typed, ...rest] = positionals;
  if (typed === undefined) throw new UsageError('give the reference of the complaint to erase');
  if (rest.length > 0) throw new UsageError('give one reference at a time');
  const reference = normaliseReference(typed);
  if (reference === undefined)
    throw new UsageError(`"${typed}" is not a complaint reference, like CQM-261122-7K3M9Q`);
  const wired = await wiring.services();
  const confirmed = values.yes ?? false;
  const erasure = await eraseComplaint(
    wired,
    await wired.providers(),
    reference,
    londonDate(new Date()),
    confirmed,
  );
  const { stored, pending, escalations, acknowledgements, messages } = erasure;
  if (stored === undefined && pending === 0 && acknowledgements === 0 && messages === 0) {
    io.err(
      `complaints: nothing is held under ${reference}: no case, waiting submission, acknowledgement count or mail`,
    );
    return 1;
  }
  io.out(
    stored === undefined
      ? `${reference}: not in any case store`
      : `${reference}: the ${stored.status} case ${stored.path} of ${stored.provider}, and every version of it in the case store's history`,
  );
  io.out(
    `${pending} waiting in the intake queue, ${escalations} requests for the next stage waiting, ${acknowledgements} entries counting acknowledgements to its addresses, ${messages} in the local outbox`,
  );
  if (!erasure.erased) {
    io.out('Nothing was erased. Run again with --yes to erase it; its anonymous facts are kept for reports.');
    return 0;
  }
  io.out(`Erased ${reference}. What Redress cannot reach is listed in the README ("Personal data").`);
  return 0;
};
