import '../src/composition/production-mode.ts';
import type { Config } from '@netlify/functions';
import { renderStatusPage } from '../src/components/status/StatusPage.tsx';
import { services } from '../src/composition/services.ts';
import type { HolidayCalendar } from '../src/core/calendar.ts';
import { londonDate } from '../src/core/calendar.ts';
import { CaseSchema } from '../src/core/case.ts';
import { parseCaseFile } from '../src/core/case-file.ts';
import { caseStatus } from '../src/core/case-status.ts';
import type { Nation } from '../src/core/period.ts';
import type { Provider } from '../src/core/provider.ts';
import { htmlResponse, textResponse } from '../src/http/http.ts';
import type { CaseStore } from '../src/ports/case-store.ts';
import type { StatusIndex } from '../src/ports/status-index.ts';

/** What the handler is given, so tests can run it over real local adapters. */
export interface StatusDependencies {
  caseStore(provider: Provider): CaseStore;
  statusIndex: StatusIndex;
  calendar(nation: Nation): HolidayCalendar;
  providers(): Promise<readonly Provider[]>;
  siteUrl: string;
  now(): Date;
}

/** One person's page: never indexed (every function's answer already sends no referrer). */
const PRIVATE = { 'x-robots-tag': 'noindex, nofollow' };

/**
 * `GET /<provider>/status/<key>`: the case the key opens, if the case still holds that key (staff
 * revoke a link by deleting it); otherwise a 404 page that says nothing of any case.
 */
export async function handleStatus(request: Request, dependencies: StatusDependencies): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'The status page is read with GET.', { allow: 'GET, HEAD' });
  }
  const [slug = '', , token = ''] = new URL(request.url).pathname.split('/').filter(Boolean);
  const provider = (await dependencies.providers()).find((candidate) => candidate.slug === slug);
  if (provider === undefined) return textResponse(404, `There is no provider "${slug}".`);
  const notFound = () =>
    htmlResponse(404, renderStatusPage(provider, undefined, dependencies.siteUrl), PRIVATE);
  const path = await dependencies.statusIndex.get(token);
  if (path === undefined) return notFound();
  const file = await dependencies.caseStore(provider).read(path);
  if (file === undefined) return notFound();
  const { derived: _derived, ...stored } = parseCaseFile(file.text, path);
  const current = CaseSchema.parse(stored);
  if (current.statusToken !== token || current.provider !== provider.slug) return notFound();
  const status = caseStatus(
    provider,
    current,
    londonDate(dependencies.now()),
    dependencies.calendar(provider.nation),
  );
  return htmlResponse(200, renderStatusPage(provider, status, dependencies.siteUrl), PRIVATE);
}

/** Read once per function instance: a deploy brings new provider files with a new instance. */
let providers: Promise<Provider[]> | undefined;

export default async (request: Request): Promise<Response> => {
  const wired = services();
  providers ??= wired.providers();
  return handleStatus(request, {
    ...wired,
    providers: () => providers ?? wired.providers(),
    siteUrl: wired.settings.siteUrl,
    now: () => new Date(),
  });
};

export const config: Config = { path: '/:provider/status/:token' };
