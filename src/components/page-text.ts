/**
 * How the public pages write dates and phone numbers: shared by the Astro pages and the
 * publishers' preview, which runs in the browser and so cannot read the site's content collections.
 */

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A `YYYY-MM-DD` date as people write it, e.g. "24 November 2024". */
export function formatDate(date: string): string {
  return DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

/** A UK number as printed, e.g. "0208 607 7850", as a link phones can dial: `tel:+442086077850`. */
export function toTelHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('0') ? `+44${digits.slice(1)}` : digits}`;
}
