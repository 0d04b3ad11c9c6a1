import type { HolidayCalendar } from '../core/calendar.ts';
import type { Case } from '../core/case.ts';
import {
  complainantAddresses,
  OUTCOME_LETTER_TAG,
  type OutcomeLetter,
  outcomeLetterKey,
  outcomeLettersDue,
  outcomeMessage,
} from '../core/outcome-messages.ts';
import type { Nation } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import type { Log } from '../ports/log.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';

/** The ports outcome letters go out through. */
export interface OutcomeLetterServices {
  mailer: Mailer;
  ledger: NoticeLedger;
  calendar(nation: Nation): HolidayCalendar;
  /** Where the complainant asks online for the stage after `letter`'s outcome. */
  escalationLink(provider: Provider, stored: Case, letter: OutcomeLetter): string;
  log: Log;
}

/** What became of a case's outcome letters. */
export interface OutcomeLettersResult {
  /** Letters sent now (in a dry run: that would be sent). */
  sent: number;
  /** Letters the mailer refused; the ledger keeps them unsent, so the next run sends them. */
  failed: number;
}

/**
 * Sends each outcome letter a case calls for that has not gone yet. The sweep calls this for every
 * case, and anything that records an outcome may call it at once: the ledger keeps each letter to
 * one email however many times it runs, as it does for notices.
 */
export async function sendOutcomeLetters(
  services: OutcomeLetterServices,
  provider: Provider,
  stored: Case,
  dryRun = false,
): Promise<OutcomeLettersResult> {
  const result: OutcomeLettersResult = { sent: 0, failed: 0 };
  for (const letter of outcomeLettersDue(stored)) {
    const key = outcomeLetterKey(letter);
    if (dryRun) {
      if ((await services.ledger.status(key)) !== 'sent') result.sent += 1;
      continue;
    }
    if ((await services.ledger.record(key)) === 'sent') continue;
    try {
      await services.mailer.send({
        to: complainantAddresses(stored),
        ...outcomeMessage(
          provider,
          stored,
          letter,
          services.calendar(provider.nation),
          services.escalationLink(provider, stored, letter),
        ),
        idempotencyKey: key,
        tag: OUTCOME_LETTER_TAG,
      });
    } catch (error) {
      services.log('outcome-letter.send-failed', {
        reference: stored.reference,
        reason: (error as Error).message,
      });
      result.failed += 1;
      continue;
    }
    await services.ledger.markSent(key);
    result.sent += 1;
  }
  return result;
}
