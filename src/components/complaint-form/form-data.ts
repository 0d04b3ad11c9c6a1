import { type HolidayList, listedCalendar } from '../../core/calendar.ts';
import type { IsoDate } from '../../core/period.ts';
import { type FormRules, type SubmissionRules, submissionRulesFor } from '../../core/submission-rules.ts';

/**
 * What the complaint page tells its script, in the form's `data-rules`: the provider's rules and
 * its bank holidays, so the browser checks answers with the server's own rules and calendar.
 */
export interface ComplaintFormData {
  rules: FormRules;
  /** From the year before the page was made to the year after; the server decides any other date. */
  holidays: HolidayList;
}

/** Where the form posts, and where a browser without JavaScript is sent once it is accepted. */
export const intakePath = (slug: string) => `/api/complaints/${slug}`;
export const confirmationPath = (slug: string, reference: string) =>
  `/api/complaints/${slug}/received?reference=${encodeURIComponent(reference)}`;

/**
 * The server's rules as the browser runs them, counting with the bank holidays the page carries. A
 * date outside those years is left to the server, which has every year: the browser does not ask
 * why it is late, and the server asks if it is.
 */
export function browserRules({ rules, holidays }: ComplaintFormData, today: IsoDate): SubmissionRules {
  const server = submissionRulesFor(rules, today, listedCalendar(holidays));
  return {
    ...server,
    isLate(happenedOn) {
      try {
        return server.isLate(happenedOn);
      } catch (error) {
        if (error instanceof RangeError) return false;
        throw error;
      }
    },
  };
}
