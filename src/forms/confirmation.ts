import type { Derived } from '../core/case.ts';
import { escapeHtml } from '../core/html.ts';
import { whatHappensNext } from '../core/intake-messages.ts';
import type { Provider } from '../core/provider.ts';
import { FORM_REGION_ID } from './complaint-form.ts';

/** Where a browser without JavaScript is sent after its complaint is accepted (post, redirect, get). */
export function confirmationPath(provider: Provider, reference: string): string {
  return `/api/complaints/${provider.slug}/received?reference=${encodeURIComponent(reference)}`;
}

export const confirmationTitle = 'Complaint received';

/**
 * The confirmation that replaces the form: a GOV.UK-style panel with the reference, the dates the
 * provider is held to, and what the complainant can do next. It shows nothing they wrote.
 */
export function renderConfirmation(
  provider: Provider,
  reference: string,
  stage: string,
  derived: Derived,
): string {
  const { promises, afterwards } = whatHappensNext(provider, stage, derived);
  const list = (items: readonly string[]) =>
    `<ul class="list">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return `<div id="${FORM_REGION_ID}">
<div class="panel" role="status">
<h1 class="panel-title">${escapeHtml(confirmationTitle)}</h1>
<p class="panel-body">Your reference is<br><strong class="reference">${escapeHtml(reference)}</strong></p>
</div>
<p>Keep this reference and quote it whenever you contact ${escapeHtml(provider.name)} about your complaint. If you gave an email address, we have sent this information to it.</p>
<h2>What happens next</h2>
${list(promises)}
${afterwards.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><a href="/${escapeHtml(provider.slug)}/">Read ${escapeHtml(provider.name)}'s complaints procedure</a></p>
</div>`;
}
