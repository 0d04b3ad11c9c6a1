import type { Derived } from '../../core/case.ts';
import { whatHappensNext } from '../../core/intake-messages.ts';
import type { Provider } from '../../core/provider.ts';
import { ASSETS } from '../assets.ts';
import { renderSitePage } from '../SitePage.tsx';
import { complaintBreadcrumbs } from './ComplaintPage.tsx';

export const confirmationTitle = 'Complaint received';

export interface ConfirmationProps {
  provider: Provider;
  reference: string;
  stage: string;
  derived: Derived;
  site: string | URL;
}

/**
 * The page a complaint sent without JavaScript lands on: a GOV.UK-style panel with the reference,
 * the dates the provider is held to, and what the complainant can do next. It shows nothing they
 * wrote, and it is one person's page, so it has no canonical address.
 */
export function renderConfirmationPage({
  provider,
  reference,
  stage,
  derived,
  site,
}: ConfirmationProps): string {
  const { promises, afterwards } = whatHappensNext(provider, stage, derived);
  return renderSitePage({
    title: confirmationTitle,
    site,
    breadcrumbs: complaintBreadcrumbs(provider),
    stylesheets: [ASSETS.complaintFormCss.path],
    children: (
      <>
        <div className="panel" role="status">
          <h1 className="panel-title">{confirmationTitle}</h1>
          <p className="panel-body">
            Your reference is
            <br />
            <strong className="reference">{reference}</strong>
          </p>
        </div>
        <p>
          Keep this reference and quote it whenever you contact {provider.name} about your complaint. If you
          gave an email address, we have sent this information to it.
        </p>
        <h2>What happens next</h2>
        <ul className="list">
          {promises.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {afterwards.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>
          <a href={`/${provider.slug}/`}>Read {provider.name}'s complaints procedure</a>
        </p>
      </>
    ),
  });
}
