import '../src/composition/production-mode.ts';
import { createHash } from 'node:crypto';
import type { Config, Context } from '@netlify/functions';
import type { ComplaintFormProps } from '../src/components/complaint-form/ComplaintForm.tsx';
import { renderComplaintPage } from '../src/components/complaint-form/ComplaintPage.tsx';
import { confirmationPath } from '../src/components/complaint-form/form-data.ts';
import { services } from '../src/composition/services.ts';
import { londonDate } from '../src/core/calendar.ts';
import { caseFromSubmission } from '../src/core/intake.ts';
import type { Provider } from '../src/core/provider.ts';
import {
  type FormFields,
  isHoneypotFilled,
  parseSubmission,
  readFormValues,
  submissionKeySource,
} from '../src/core/submission.ts';
import { FIELD, type FormValues } from '../src/core/submission-rules.ts';
import {
  htmlResponse,
  jsonResponse,
  mediaType,
  readBodyWithin,
  seeOther,
  textResponse,
  wantsJson,
} from '../src/http/http.ts';
import { type IntakeServices, receiveComplaint } from '../src/use-cases/receive-complaint.ts';
import { newStatusToken } from '../src/use-cases/status-token.ts';

/** Far more than the longest complaint the form allows, far less than anything abusive. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** What the handler is given, so tests can run it over real local adapters in a folder of their own. */
export interface SubmitDependencies {
  services: IntakeServices;
  providers(): Promise<readonly Provider[]>;
  /** The site's address, for the canonical link of a page sent back (never the request's Host). */
  siteUrl: string;
  now(): Date;
  /** Keeps work going after the response is sent (Netlify's `context.waitUntil`). */
  defer(task: Promise<unknown>): void;
}

const UNAVAILABLE =
  'Sorry, we could not save your complaint just now. Nothing has been sent. Please try again in a few minutes; everything you entered is still here.';

function problem(
  request: Request,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return wantsJson(request)
    ? jsonResponse(status, { error: message }, headers)
    : textResponse(status, message, headers);
}

async function readFields(request: Request, text: string): Promise<FormFields | undefined> {
  if (mediaType(request) === 'application/x-www-form-urlencoded') {
    const fields: FormFields = {};
    for (const [name, value] of new URLSearchParams(text)) {
      const existing = fields[name];
      fields[name] =
        existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    return fields;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const fields: FormFields = {};
    for (const [name, value] of Object.entries(parsed)) {
      if (typeof value === 'string') fields[name] = value;
      else if (typeof value === 'boolean') fields[name] = value ? 'yes' : 'no';
      else if (typeof value === 'number') fields[name] = String(value);
    }
    return fields;
  } catch {
    return undefined;
  }
}

/**
 * The idempotency key: the browser's submission id when it sent one, otherwise a hash of the
 * answers, so that going back and sending the same answers again gives the same reference.
 */
function intakeKey(provider: Provider, values: FormValues): string {
  const id = values[FIELD.submissionId];
  if (id !== undefined && /^[0-9a-f-]{36}$/i.test(id)) return `${provider.slug}-${id.toLowerCase()}`;
  const digest = createHash('sha256').update(submissionKeySource(values)).digest('hex');
  return `${provider.slug}-form-${digest.slice(0, 48)}`;
}

/** `POST /api/complaints/<provider>`: validate, accept durably, commit, acknowledge. */
export async function handleSubmission(
  request: Request,
  dependencies: SubmitDependencies,
): Promise<Response> {
  if (request.method !== 'POST') {
    return problem(request, 405, 'Send a complaint with POST.', { allow: 'POST' });
  }
  const slug = new URL(request.url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  const provider = (await dependencies.providers()).find((candidate) => candidate.slug === slug);
  if (provider === undefined) return problem(request, 404, `There is no provider "${slug}".`);
  if (!['application/x-www-form-urlencoded', 'application/json'].includes(mediaType(request))) {
    return problem(request, 415, 'Send the complaint form-encoded or as JSON.');
  }
  const body = await readBodyWithin(request, BODY_LIMIT_BYTES);
  if (!body.ok) return problem(request, 413, 'The complaint is too long to send in one go.');
  const fields = await readFields(request, body.text);
  if (fields === undefined) return problem(request, 400, 'The body is not a JSON object of form fields.');

  const now = dependencies.now();
  const today = londonDate(now);
  const calendar = dependencies.services.calendar(provider.nation);
  const values = readFormValues(fields);
  if (isHoneypotFilled(values)) {
    dependencies.services.log('intake.honeypot', { provider: provider.slug });
    return problem(request, 400, 'This form could not be accepted.');
  }
  // A browser without JavaScript gets the complaint page again, rendered here by the component the
  // static page is built from: the site's own pages are never fetched.
  const formPage = (status: number, form: Pick<ComplaintFormProps, 'values' | 'errors' | 'problem'>) =>
    htmlResponse(
      status,
      renderComplaintPage({ provider, calendar, today, site: dependencies.siteUrl, ...form }),
      status === 503 ? { 'retry-after': '60' } : {},
    );
  const parsed = parseSubmission(fields, provider, today, calendar);
  if (!parsed.ok) {
    if (wantsJson(request)) return jsonResponse(422, { errors: parsed.errors });
    return formPage(422, { values: parsed.values, errors: parsed.errors });
  }

  const reference = dependencies.services.newReference(provider, today);
  const draft = {
    ...caseFromSubmission(
      provider,
      parsed.submission,
      {
        reference,
        receivedAt: now.toISOString(),
        channel: 'website',
      },
      calendar,
    ),
    // The key of the private status link the acknowledgement carries.
    statusToken: newStatusToken(),
  };
  let receipt: Awaited<ReturnType<typeof receiveComplaint>>;
  try {
    receipt = await receiveComplaint(
      dependencies.services,
      provider,
      intakeKey(provider, values),
      draft,
      now,
    );
  } catch (error) {
    dependencies.services.log('intake.unavailable', {
      provider: provider.slug,
      reason: (error as Error).message,
    });
    if (wantsJson(request)) return jsonResponse(503, { error: UNAVAILABLE }, { 'retry-after': '60' });
    return formPage(503, { values, errors: [], problem: UNAVAILABLE });
  }
  dependencies.services.log('intake.received', { reference: receipt.reference, accepted: receipt.accepted });
  // Accepted durably, so the complainant can be told now; the commit and emails finish meanwhile.
  dependencies.defer(receipt.completion);
  const location = confirmationPath(provider.slug, receipt.reference);
  if (wantsJson(request)) {
    const clock = (kind: string) =>
      receipt.derived.clocks.find((c) => c.stage === receipt.stored.stage && c.clock === kind)?.dueBy;
    return jsonResponse(receipt.accepted === 'new' ? 201 : 200, {
      reference: receipt.reference,
      acknowledgeBy: clock('acknowledge') ?? null,
      respondBy: clock('respond') ?? null,
      confirmationUrl: location,
    });
  }
  return seeOther(location);
}

export default async (request: Request, context?: Partial<Context>): Promise<Response> => {
  // Where the runtime cannot keep work going after the response, it is finished before answering.
  const unfinished: Promise<unknown>[] = [];
  const wired = services();
  const response = await handleSubmission(request, {
    services: wired,
    providers: wired.providers,
    siteUrl: wired.settings.siteUrl,
    now: () => new Date(),
    defer: (task) => (context?.waitUntil === undefined ? unfinished.push(task) : context.waitUntil(task)),
  });
  await Promise.all(unfinished);
  return response;
};

export const config: Config = {
  path: '/api/complaints/:provider',
  // A person sends one complaint at a time; this stops a script from burying a provider in them.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
