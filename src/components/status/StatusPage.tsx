import { longDate } from '../../core/calendar.ts';
import type { CaseStatus } from '../../core/case-status.ts';
import { contactLines } from '../../core/outcome-messages.ts';
import { externalRoute, procedureEnded } from '../../core/procedure-summary.ts';
import type { Provider } from '../../core/provider.ts';
import { ASSETS } from '../assets.ts';
import { complaintBreadcrumbs } from '../complaint-form/ComplaintPage.tsx';
import { escalationPath } from '../escalation/EscalationPage.tsx';
import { renderSitePage } from '../SitePage.tsx';

/**
 * A complainant's private status page (`/<provider>/status/<key>`), rendered by the status
 * function for every request: the stage, what happens next and by when, and the window to ask for
 * the next stage. It names the case by its reference only, works without JavaScript, and is kept
 * out of search engines and referrers. Without a case (a key that opens nothing), it says so.
 */

const STATUS_WORDS: Record<CaseStatus['status'], string> = {
  open: 'Open',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

function StatusDetails({ provider, status }: { provider: Provider; status: CaseStatus }) {
  const { external } = provider;
  return (
    <>
      <h1>Your complaint {status.reference}</h1>
      <dl className="facts">
        <dt>Stage</dt>
        <dd>{status.stageName}</dd>
        <dt>Status</dt>
        <dd>{STATUS_WORDS[status.status]}</dd>
      </dl>
      <h2>What happens next</h2>
      {status.next.length === 0 && status.undated.length === 0 ? (
        <p>
          {status.status === 'open'
            ? 'Nothing is due from us at the moment.'
            : 'Nothing more is due from us.'}
        </p>
      ) : (
        <ul className="list">
          {status.next.map((item) => (
            <li key={item.what}>
              {item.what} {item.late ? 'was due by' : 'by'} {longDate(item.by)}.
              {item.late ? ' It is late: we have been reminded.' : ''}
            </li>
          ))}
          {status.undated.map((what) => (
            <li key={what}>{what}: we will give you a date.</li>
          ))}
        </ul>
      )}
      {status.window === undefined ? null : (
        <>
          <h2>If you are not satisfied with the outcome</h2>
          {status.window.open ? (
            <p>
              You can ask for {status.window.next}
              {status.window.closesOn === undefined ? '' : ` until ${longDate(status.window.closesOn)}`}.{' '}
              <a href={escalationPath(provider.slug)}>Ask for {status.window.next}</a>
            </p>
          ) : (
            <p>
              The time to ask for {status.window.next} ended on {longDate(status.window.closesOn ?? '')}.
            </p>
          )}
        </>
      )}
      {status.lastStageAnswered || external?.when === 'any-time' ? (
        <>
          <h2>{status.lastStageAnswered ? 'The end of the procedure' : 'Outside the procedure'}</h2>
          {status.lastStageAnswered ? <p>{procedureEnded(provider)}</p> : null}
          {external === undefined ? null : (
            <>
              <p>{externalRoute(external)}</p>
              {contactLines(external).length === 0 ? null : (
                <ul className="list">
                  {contactLines(external).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      ) : null}
      <p>
        <a href={`/${provider.slug}/`}>Read {provider.name}'s complaints procedure</a>
      </p>
    </>
  );
}

export const STATUS_NOT_FOUND = 'This status link does not work';

/** The status page of `status`, or, with none, the page for a key that opens nothing. */
export function renderStatusPage(
  provider: Provider,
  status: CaseStatus | undefined,
  site: string | URL,
): string {
  return renderSitePage({
    title: status === undefined ? STATUS_NOT_FOUND : `Your complaint ${status.reference}`,
    site,
    private: true,
    breadcrumbs: complaintBreadcrumbs(provider),
    stylesheets: [ASSETS.complaintFormCss.path],
    children:
      status === undefined ? (
        <>
          <h1>{STATUS_NOT_FOUND}</h1>
          <p>
            The link is not one we sent, it was cut short, or it was turned off. The email that acknowledged
            your complaint has its reference: quote it when you contact {provider.name}.
          </p>
        </>
      ) : (
        <StatusDetails provider={provider} status={status} />
      ),
  });
}
