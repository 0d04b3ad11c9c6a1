import '../src/composition/production-mode.ts';
import type { Config } from '@netlify/functions';
import { renderConfirmationPage } from '../src/components/complaint-form/ConfirmationPage.tsx';
import { services } from '../src/composition/services.ts';
import type { HolidayCalendar } from '../src/core/calendar.ts';
import { formComplaintClocks } from '../src/core/intake.ts';
import type { Nation } from '../src/core/period.ts';
import type { Provider } from '../src/core/provider.ts';
import { parseReference, referencePrefix } from '../src/core/reference.ts';
import { htmlResponse, textResponse } from '../src/http/http.ts';

export interface ConfirmationDependencies {
  providers(): Promise<readonly Provider[]>;
  calendar(nation: Nation): HolidayCalendar;
  /** The site's address, for the page's links (never the request's Host). */
  siteUrl: string;
}

/**
 * `GET /api/complaints/<provider>/received?reference=…`: the page a browser without JavaScript lands on
 * after its complaint is accepted. The dates come from the reference's date and the provider's
 * rules, so the page reads no case and can be reloaded or bookmarked.
 */
export async function showConfirmation(
  request: Request,
  dependencies: ConfirmationDependencies,
): Promise<Response> {
  const url = new URL(request.url);
  // /api/complaints/<provider>/received
  const slug = url.pathname.split('/').filter(Boolean)[2] ?? '';
  const provider = (await dependencies.providers()).find((candidate) => candidate.slug === slug);
  const parsed = parseReference(url.searchParams.get('reference') ?? '');
  if (provider === undefined || !parsed.ok || parsed.reference.prefix !== referencePrefix(provider.slug)) {
    return textResponse(404, 'There is no complaint with that reference here.');
  }
  const { text: reference, receivedOn } = parsed.reference;
  const { stage, derived } = formComplaintClocks(
    provider,
    reference,
    receivedOn,
    dependencies.calendar(provider.nation),
  );
  return htmlResponse(
    200,
    renderConfirmationPage({ provider, reference, stage, derived, site: dependencies.siteUrl }),
  );
}

export default (request: Request): Promise<Response> =>
  showConfirmation(request, {
    providers: services().providers,
    calendar: services().calendar,
    siteUrl: services().settings.siteUrl,
  });

export const config: Config = { path: '/api/complaints/:provider/received' };
