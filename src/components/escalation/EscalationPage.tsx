import { longDate } from '../../core/calendar.ts';
import type { Derived } from '../../core/case.ts';
import type { EscalationRefusal } from '../../core/escalation.ts';
import { whatHappensNext } from '../../core/intake-messages.ts';
import { contactLines } from '../../core/outcome-messages.ts';
import { externalRoute } from '../../core/procedure-summary.ts';
import type { Provider } from '../../core/provider.ts';
import { TEXT_MAX } from '../../core/text-limits.ts';
import { ASSETS } from '../assets.ts';
import { complaintBreadcrumbs } from '../complaint-form/ComplaintPage.tsx';
import { ErrorSummary, type SummaryError } from '../fields/ErrorSummary.tsx';
import { Textarea } from '../fields/Textarea.tsx';
import { TextInput } from '../fields/TextInput.tsx';
import { renderSitePage } from '../SitePage.tsx';

/**
 * The page where a complainant asks for the next stage, and every answer to it. The static page at
 * `/<provider>/escalate/` and the escalation function render these same components: the form
 * again with its errors, the form with the signed link's token (a GET of the outcome letter's
 * link), and the pages that say it was received or why it was not.
 */

/** The form's fields, by name (also their ids). */
export const ESCALATION_FIELD = {
  token: 'token',
  reference: 'reference',
  contact: 'contact',
  reason: 'reason',
} as const;

export const escalationPath = (slug: string) => `/${slug}/escalate/`;
export const escalationActionPath = (slug: string) => `/api/escalate/${slug}`;
export const escalationTitle = (provider: Provider) =>
  `Ask for the next stage of your complaint to ${provider.name}`;

export interface EscalationFormProps {
  provider: Provider;
  /** The signed token from the outcome letter's link; with it, no reference or contact is asked. */
  token?: string;
  values: Partial<Record<'reference' | 'contact' | 'reason', string>>;
  errors: readonly SummaryError[];
  site: string | URL;
}

const errorOf = (errors: readonly SummaryError[], id: string) =>
  errors.find((error) => error.inputId === id)?.message;

export function EscalationForm({ provider, token, values, errors }: EscalationFormProps) {
  return (
    <>
      {errors.length > 0 ? <ErrorSummary errors={errors} /> : null}
      <h1>{escalationTitle(provider)}</h1>
      <p className="lede">
        If you are not satisfied with the outcome of your complaint, you can ask for it to go on to the next
        stage of {provider.name}'s procedure. Your outcome letter says the last day to ask.
      </p>
      <form
        className="complaint-form"
        method="post"
        action={escalationActionPath(provider.slug)}
        encType="application/x-www-form-urlencoded"
        acceptCharset="utf-8"
        noValidate
      >
        {token === undefined ? (
          <>
            <TextInput
              id={ESCALATION_FIELD.reference}
              label="Your complaint reference"
              hint="It is in the email or letter that acknowledged your complaint, for example CQM-261122-7K3M9Q."
              value={values.reference}
              error={errorOf(errors, ESCALATION_FIELD.reference)}
              spellCheck={false}
              widthClass="input--width-20"
            />
            <TextInput
              id={ESCALATION_FIELD.contact}
              label="The email address or phone number you gave with your complaint"
              value={values.contact}
              error={errorOf(errors, ESCALATION_FIELD.contact)}
              spellCheck={false}
            />
          </>
        ) : (
          <input type="hidden" name={ESCALATION_FIELD.token} defaultValue={token} />
        )}
        <Textarea
          id={ESCALATION_FIELD.reason}
          label="Why are you not satisfied with the outcome?"
          hint="Say what you disagree with, and anything new you want considered."
          value={values.reason}
          error={errorOf(errors, ESCALATION_FIELD.reason)}
          rows={8}
          maxLength={TEXT_MAX.long}
        />
        <button type="submit" className="button">
          Ask for the next stage
        </button>
      </form>
      <p>
        <a href={`/${provider.slug}/`}>Read {provider.name}'s complaints procedure</a>
      </p>
    </>
  );
}

/**
 * The form page. With a token it is one person's page: no canonical address, not indexed, and its
 * address (which holds the token) is never sent on as a referrer.
 */
export function renderEscalationPage(props: EscalationFormProps): string {
  const title = escalationTitle(props.provider);
  return renderSitePage({
    title: props.errors.length > 0 ? `Error: ${title}` : title,
    description: `Ask for the next stage of a complaint to ${props.provider.name}.`,
    site: props.site,
    ...(props.token === undefined ? { path: escalationPath(props.provider.slug) } : { private: true }),
    breadcrumbs: complaintBreadcrumbs(props.provider),
    stylesheets: [ASSETS.complaintFormCss.path],
    children: <EscalationForm {...props} />,
  });
}

/** Why a request was not taken, or that it was: every answer the function can give a person. */
export type EscalationOutcomeView =
  | { kind: 'accepted'; reference: string; stage: string; derived: Derived }
  | { kind: 'refused'; reference: string; refusal: EscalationRefusal }
  | { kind: 'no-match' }
  | { kind: 'rate-limited' }
  | { kind: 'bad-link'; status: 404 | 410; why: 'forged' | 'expired' | 'used' };

function ExternalRoute({ provider }: { provider: Provider }) {
  const { external } = provider;
  if (external === undefined) return null;
  const ways = contactLines(external);
  return (
    <>
      <p>{externalRoute(external)}</p>
      {ways.length === 0 ? null : (
        <ul className="list">
          {ways.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What to do when the request cannot go online: write to whoever handles the case now. */
function WriteInstead({ provider }: { provider: Provider }) {
  // Whoever the first stage's handler is: the contact the policy gives for a complaint in writing.
  const first = provider.stages.find((stage) => !stage.informal) ?? provider.stages[0];
  const id = first?.handler.contact;
  const intake = id === undefined ? undefined : provider.contacts.find((contact) => contact.id === id);
  const ways = intake === undefined ? [] : contactLines(intake);
  if (intake === undefined || ways.length === 0) return null;
  return (
    <>
      <p>You can contact the {intake.role}, quoting your reference:</p>
      <ul className="list">
        {ways.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}

function refusalContent(provider: Provider, refusal: EscalationRefusal) {
  switch (refusal.kind) {
    case 'window-closed':
      return {
        title: `The time to ask for ${refusal.next} has ended`,
        body: (
          <>
            <p>
              The last day to ask for {refusal.next} was {longDate(refusal.closedOn)}. Nothing has been
              recorded.
            </p>
            <p>
              {provider.name} can still accept a late request if there is a good reason it is late, for
              example if the outcome reached you late.
            </p>
            <WriteInstead provider={provider} />
          </>
        ),
      };
    case 'last-stage':
      return {
        title: `${provider.name}'s procedure has no further stage`,
        body: (
          <>
            <p>
              Your complaint has been through the last stage of {provider.name}'s procedure. Nothing has been
              recorded.
            </p>
            <ExternalRoute provider={provider} />
          </>
        ),
      };
    case 'already-asked':
      return {
        title: 'You have already asked for the next stage',
        body: <p>Your request of {longDate(refusal.on)} is recorded. You do not need to ask again.</p>,
      };
    case 'no-outcome':
      return {
        title: 'Your complaint has no outcome yet',
        body: (
          <>
            <p>
              You can ask for the next stage once you have the outcome of this stage. Nothing has been
              recorded.
            </p>
            <WriteInstead provider={provider} />
          </>
        ),
      };
    case 'withdrawn':
      return {
        title: 'This complaint was withdrawn',
        body: (
          <>
            <p>Nothing has been recorded. To complain again, make a new complaint.</p>
            <p>
              <a href={`/${provider.slug}/complain/`}>Make a complaint</a>
            </p>
          </>
        ),
      };
    default: {
      const unreachable: never = refusal;
      throw new Error(`unknown refusal ${JSON.stringify(unreachable)}`);
    }
  }
}

function outcomeContent(provider: Provider, view: EscalationOutcomeView) {
  switch (view.kind) {
    case 'accepted': {
      const { promises, afterwards } = whatHappensNext(provider, view.stage, view.derived);
      return {
        title: 'Request received',
        body: (
          <>
            <div className="panel" role="status">
              <h1 className="panel-title">Request received</h1>
              <p className="panel-body">
                Your reference is
                <br />
                <strong className="reference">{view.reference}</strong>
              </p>
            </div>
            <p>If you gave an email address, we have sent this information to it.</p>
            <h2>What happens next</h2>
            <ul className="list">
              {promises.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {afterwards.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </>
        ),
        headed: true,
      };
    }
    case 'refused':
      return refusalContent(provider, view.refusal);
    case 'no-match':
      return {
        title: 'We could not find your complaint',
        body: (
          <>
            <p>
              The reference and the email address or phone number do not match a complaint to {provider.name}.
              Check both against your acknowledgement and try again. Nothing has been recorded.
            </p>
            <p>
              <a href={escalationPath(provider.slug)}>Try again</a>
            </p>
          </>
        ),
      };
    case 'rate-limited':
      return {
        title: 'Too many attempts',
        body: (
          <>
            <p>
              There have been too many attempts from your connection. Please try again in an hour. Nothing has
              been recorded.
            </p>
            <WriteInstead provider={provider} />
          </>
        ),
      };
    case 'bad-link':
      return {
        title: view.status === 404 ? 'This link does not work' : 'This link can no longer be used',
        body: (
          <>
            <p>
              {view.why === 'forged'
                ? 'The link is not one we sent, or it was changed or cut short. Check that you copied the whole link from your outcome letter.'
                : view.why === 'expired'
                  ? 'The time to ask for the next stage with this link has ended.'
                  : 'The request this link was for has already been made.'}{' '}
              Nothing has been recorded.
            </p>
            <p>
              You can also <a href={escalationPath(provider.slug)}>ask with your reference</a>.
            </p>
          </>
        ),
      };
    default: {
      const unreachable: never = view;
      throw new Error(`unknown answer ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The page an escalation request answers with: one person's page, never indexed. */
export function renderEscalationOutcomePage(
  provider: Provider,
  view: EscalationOutcomeView,
  site: string | URL,
): string {
  const content = outcomeContent(provider, view);
  return renderSitePage({
    title: content.title,
    site,
    private: true,
    breadcrumbs: complaintBreadcrumbs(provider),
    stylesheets: [ASSETS.complaintFormCss.path],
    children: (
      <>
        {'headed' in content ? null : <h1>{content.title}</h1>}
        {content.body}
      </>
    ),
  });
}
