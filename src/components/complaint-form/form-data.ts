import type { HolidayList } from '../../core/calendar.ts';
import type { FormRules } from '../../core/submission-rules.ts';

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
