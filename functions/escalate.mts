import '../src/composition/production-mode.ts';
import type { Config, Context } from '@netlify/functions';
import {
  ESCALATION_FIELD,
  type EscalationFormProps,
  type EscalationOutcomeView,
  renderEscalationOutcomePage,
  renderEscalationPage,
} from '../src/components/escalation/EscalationPage.tsx';
import type { SummaryError } from '../src/components/fields/ErrorSummary.tsx';
import { services } from '../src/composition/services.ts';
import type { Provider } from '../src/core/provider.ts';
import { parseReference } from '../src/core/reference.ts';
import { TEXT_MAX } from '../src/core/text-limits.ts';
import { htmlResponse, mediaType, readBodyWithin, textResponse } from '../src/http/http.ts';
import {
  checkEscalationLink,
  type EscalationAnswer,
  type EscalationProof,
  type EscalationServices,
  requestEscalation,
} from '../src/use-cases/request-escalation.ts';

/** Far more than the longest reason the form allows. */
const BODY_LIMIT_BYTES = 128 * 1024;

/** What the handler is given, so tests can run it over real local adapters in a folder of their own. */
export interface EscalateDependencies {
  services: EscalationServices;
  providers(): Promise<readonly Provider[]>;
  siteUrl: string;
  now(): Date;
  /** Keeps work going after the response is sent (Netlify's `context.waitUntil`). */
  defer(task: Promise<unknown>): void;
}

/** The HTTP status of each answer a person can get. */
function statusOf(answer: EscalationOutcomeView): number {
  switch (answer.kind) {
    case 'accepted':
      return 200;
    case 'refused':
      return 409;
    case 'no-match':
      return 404;
    case 'rate-limited':
      return 429;
    case 'bad-link':
      return answer.status;
    default: {
      const unreachable: never = answer;
      throw new Error(`unknown answer ${JSON.stringify(unreachable)}`);
    }
  }
}

/** What the form's answers lack, each written for the person and linked to its input. */
function checkAnswers(fields: URLSearchParams, withToken: boolean): SummaryError[] {
  const errors: SummaryError[] = [];
  if (!withToken) {
    const reference = (fields.get(ESCALATION_FIELD.reference) ?? '').trim();
    if (reference === '') {
      errors.push({ inputId: ESCALATION_FIELD.reference, message: 'Enter your complaint reference' });
    } else {
      const parsed = parseReference(reference);
      if (!parsed.ok)
        errors.push({
          inputId: ESCALATION_FIELD.reference,
          message: `Check your reference: ${parsed.problem}`,
        });
    }
    if ((fields.get(ESCALATION_FIELD.contact) ?? '').trim() === '') {
      errors.push({
        inputId: ESCALATION_FIELD.contact,
        message: 'Enter the email address or phone number you gave with your complaint',
      });
    }
  }
  const reason = (fields.get(ESCALATION_FIELD.reason) ?? '').trim();
  if (reason === '') {
    errors.push({
      inputId: ESCALATION_FIELD.reason,
      message: 'Say why you are not satisfied with the outcome',
    });
  } else if (reason.length > TEXT_MAX.long) {
    errors.push({
      inputId: ESCALATION_FIELD.reason,
      message: `Why you are not satisfied must be ${TEXT_MAX.long.toLocaleString('en-GB')} characters or fewer`,
    });
  }
  return errors;
}

/**
 * `GET /api/escalate/<provider>?token=…` (the outcome letter's link): the form, with the token, or a
 * clear page when the link does not work. `POST`: the request for the next stage, answered with a
 * page; nothing is recorded unless it is accepted.
 */
export async function handleEscalation(
  request: Request,
  dependencies: EscalateDependencies,
  client: string,
): Promise<Response> {
  const url = new URL(request.url);
  const slug = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  const provider = (await dependencies.providers()).find((candidate) => candidate.slug === slug);
  if (provider === undefined) return textResponse(404, `There is no provider "${slug}".`);
  const site = dependencies.siteUrl;
  const now = dependencies.now();
  const answerPage = (answer: EscalationAnswer) => {
    if (answer.kind === 'accepted') dependencies.defer(answer.completion);
    return htmlResponse(statusOf(answer), renderEscalationOutcomePage(provider, answer, site));
  };
  const formPage = (status: number, props: Omit<EscalationFormProps, 'provider' | 'site'>) =>
    htmlResponse(status, renderEscalationPage({ provider, site, ...props }));

  if (request.method === 'GET') {
    const token = url.searchParams.get(ESCALATION_FIELD.token);
    if (token === null) return formPage(200, { values: {}, errors: [] });
    const broken = await checkEscalationLink(dependencies.services, provider, token, now);
    return broken === undefined ? formPage(200, { token, values: {}, errors: [] }) : answerPage(broken);
  }
  if (request.method !== 'POST')
    return textResponse(405, 'Ask for the next stage with the form.', { allow: 'GET, POST' });
  if (mediaType(request) !== 'application/x-www-form-urlencoded') {
    return textResponse(415, 'Send the form as a browser does (form-encoded).');
  }
  const body = await readBodyWithin(request, BODY_LIMIT_BYTES);
  if (!body.ok) return textResponse(413, 'What you wrote is too long to send in one go.');
  const fields = new URLSearchParams(body.text);
  const token = fields.get(ESCALATION_FIELD.token) ?? undefined;
  const values = {
    reference: fields.get(ESCALATION_FIELD.reference) ?? '',
    contact: fields.get(ESCALATION_FIELD.contact) ?? '',
    reason: fields.get(ESCALATION_FIELD.reason) ?? '',
  };
  const errors = checkAnswers(fields, token !== undefined);
  if (errors.length > 0) {
    return formPage(422, { ...(token === undefined ? {} : { token }), values, errors });
  }
  const proof: EscalationProof =
    token === undefined ? { reference: values.reference, contact: values.contact, client } : { token };
  try {
    return answerPage(
      await requestEscalation(dependencies.services, provider, proof, values.reason.trim(), now),
    );
  } catch (error) {
    dependencies.services.log('escalation.unavailable', {
      provider: provider.slug,
      reason: (error as Error).message,
    });
    return formPage(503, {
      ...(token === undefined ? {} : { token }),
      values,
      errors: [
        {
          inputId: ESCALATION_FIELD.reason,
          message:
            'Sorry, we could not record your request just now. Nothing has been recorded. Please try again in a few minutes.',
        },
      ],
    });
  }
}

/** Read once per function instance: a deploy brings new provider files with a new instance. */
let providers: Promise<Provider[]> | undefined;

export default async (request: Request, context?: Partial<Context>): Promise<Response> => {
  const unfinished: Promise<unknown>[] = [];
  const wired = services();
  providers ??= wired.providers();
  const response = await handleEscalation(
    request,
    {
      services: wired,
      providers: () => providers ?? wired.providers(),
      siteUrl: wired.settings.siteUrl,
      now: () => new Date(),
      defer: (task) => (context?.waitUntil === undefined ? unfinished.push(task) : context.waitUntil(task)),
    },
    // Only to count wrong guesses per connection; it is hashed before it is kept.
    context?.ip ?? 'unknown',
  );
  await Promise.all(unfinished);
  return response;
};

export const config: Config = {
  path: '/api/escalate/:provider',
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
