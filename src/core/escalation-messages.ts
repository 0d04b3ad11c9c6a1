import { longDate } from './calendar.ts';
import type { Case, Derived } from './case.ts';
import { stageName } from './case-words.ts';
import { type MessageContent, render, statusLink, whatHappensNext } from './intake-messages.ts';
import type { Provider } from './provider.ts';

/**
 * The emails a request for the next stage makes: the complainant's acknowledgement, with the next
 * stage's dates, and the notice to the provider's staff, which names the case by reference only.
 */

/** To the complainant (and representative): their request is recorded, and what happens next, by when. */
export function escalationAcknowledgement(
  provider: Provider,
  stored: Case,
  derived: Derived,
  statusUrl: string | undefined,
): MessageContent {
  const { promises, afterwards } = whatHappensNext(provider, stored.stage, derived);
  const name = stored.representative === undefined ? stored.complainant.name : stored.representative.name;
  return render(`We have your request for ${stageName(provider, stored.stage)}: ${stored.reference}`, [
    `Dear ${name},`,
    `Your request for ${stageName(provider, stored.stage)} of your complaint ${stored.reference} has been recorded. Please quote your reference whenever you contact us about it.`,
    'What happens next:',
    promises,
    ...afterwards,
    ...statusLink(statusUrl),
    provider.name,
  ]);
}

/** To the provider's staff: a request for the next stage came in, and where to open the case. */
export function escalationNotice(
  provider: Provider,
  stored: Case,
  derived: Derived,
  caseUrl: string,
): MessageContent {
  const due = derived.clocks.filter((clock) => clock.stage === stored.stage && clock.dueBy !== undefined);
  return render(`Next stage asked for: ${stored.reference}`, [
    `The complainant of ${stored.reference} has asked online for ${stageName(provider, stored.stage)}.`,
    due.map((clock) => `${clock.clock} by ${longDate(clock.dueBy ?? '')}`),
    `Open it in the case editor: ${caseUrl}`,
    `${provider.name} – Redress`,
  ]);
}
