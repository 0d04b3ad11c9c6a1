import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/core/html.ts';
import type { Provider } from '../../src/core/provider.ts';
import { FIELD, type FieldError } from '../../src/core/submission-rules.ts';
import { complaintPageTitle, renderComplaintForm } from '../../src/forms/complaint-form.ts';
import { renderComplaintPage, replaceFormRegion } from '../../src/forms/complaint-page.ts';
import { fixtureProviders } from '../support/fixtures.ts';
import { EXAMPLES, errorsFor, FILLED, MISTAKES } from './complaint-examples.ts';
import { allElements, closest, type HtmlElement, parseHtml } from './html-tree.ts';

const providers = await fixtureProviders();
const bySlug = (slug: string): Provider => {
  const provider = providers.find((candidate) => candidate.slug === slug);
  if (provider === undefined) throw new Error(`no provider ${slug}`);
  return provider;
};

function render(provider: Provider, values = {}, errors: FieldError[] = []) {
  const html = renderComplaintForm({ provider, values, errors });
  const elements = allElements(parseHtml(html));
  const byId = new Map(
    elements.filter((e) => e.attributes.id !== undefined).map((e) => [e.attributes.id, e]),
  );
  const find = (id: string) => {
    const element = byId.get(id);
    if (element === undefined) throw new Error(`no element #${id}`);
    return element;
  };
  return { html, elements, byId, find };
}

const describedIds = (element: HtmlElement) =>
  (element.attributes['aria-describedby'] ?? '').split(' ').filter(Boolean);
const hasClass = (element: HtmlElement, name: string) =>
  (element.attributes.class ?? '').split(' ').includes(name);

const cases = providers.flatMap((provider) =>
  EXAMPLES.map((example) => ({ provider, example, label: `${provider.slug}, ${example.name}` })),
);

describe('every provider and every example renders accessible markup', () => {
  it.each(cases)('$label', ({ provider, example }) => {
    const errors = errorsFor(example, provider);
    const { elements, byId, find } = render(provider, example.values, errors);
    const ids = elements.flatMap((e) => (e.attributes.id === undefined ? [] : [e.attributes.id]));
    expect(new Set(ids).size, 'ids are unique').toBe(ids.length);

    const labels = elements.filter((e) => e.tag === 'label');
    for (const control of elements.filter((e) => ['input', 'textarea', 'select'].includes(e.tag))) {
      if (control.attributes.type === 'hidden') continue;
      const label = labels.find((candidate) => candidate.attributes.for === control.attributes.id);
      expect(label?.text.trim(), `#${control.attributes.id} has a label`).toBeTruthy();
      expect(control.attributes.placeholder, 'no placeholder stands in for a label').toBeUndefined();
    }

    const referenced = new Set(elements.flatMap(describedIds));
    for (const id of referenced) expect(byId.has(id), `aria-describedby="${id}" exists`).toBe(true);
    for (const element of elements.filter((e) => hasClass(e, 'hint') || hasClass(e, 'error-message'))) {
      expect(
        referenced.has(element.attributes.id ?? ''),
        `#${element.attributes.id} is read with its field`,
      ).toBe(true);
    }

    for (const choice of elements.filter((e) => ['radio', 'checkbox'].includes(e.attributes.type ?? ''))) {
      const fieldset = closest(choice, 'fieldset');
      expect(fieldset?.children[0]?.tag, `#${choice.attributes.id} is in a fieldset with a legend`).toBe(
        'legend',
      );
    }

    const summary = byId.get('error-summary');
    if (errors.length === 0) {
      expect(summary, 'no error summary without errors').toBeUndefined();
      expect(elements.some((e) => hasClass(e, 'error-message'))).toBe(false);
      return;
    }
    expect(summary?.attributes).toMatchObject({ role: 'alert', tabindex: '-1', autofocus: '' });
    expect(find('error-summary-title').text).toBe('There is a problem');
    const links = allElements(summary as HtmlElement).filter((e) => e.tag === 'a');
    expect(links.map((link) => link.text)).toEqual(errors.map((error) => escapeHtml(error.message)));
    for (const error of errors) {
      const target = find(error.inputId);
      expect(['input', 'textarea'], `the summary links to a field for ${error.field}`).toContain(target.tag);
      const message = find(`${error.field}-error`);
      expect(message.text).toBe(`Error: ${escapeHtml(error.message)}`);
      const question = elements.find((e) => e.attributes['data-question'] === error.field);
      expect(hasClass(question as HtmlElement, 'form-group--error')).toBe(true);
      const described = allElements(question as HtmlElement).find((e) => 'data-described' in e.attributes);
      expect(describedIds(described as HtmlElement)).toContain(`${error.field}-error`);
    }
  });
});

describe('the form itself', () => {
  const cqm = bySlug('cqm');

  it('posts form-encoded to the intake function and leaves checking to our own messages', () => {
    const form = render(cqm).elements.find((e) => e.tag === 'form');
    expect(form?.attributes).toMatchObject({
      method: 'post',
      action: '/api/complaints/cqm',
      enctype: 'application/x-www-form-urlencoded',
      novalidate: '',
    });
  });

  it('helps people fill in their details: autocomplete, no spellcheck on names, number keyboards for dates', () => {
    const { find } = render(cqm);
    expect(find('full-name').attributes).toMatchObject({ autocomplete: 'name', spellcheck: 'false' });
    expect(find('email').attributes).toMatchObject({ autocomplete: 'email', type: 'email' });
    expect(find('phone').attributes).toMatchObject({ autocomplete: 'tel', type: 'tel' });
    expect(find('address').attributes.autocomplete).toBe('street-address');
    expect(find('postcode').attributes.autocomplete).toBe('postal-code');
    for (const part of ['day', 'month', 'year'])
      expect(find(`happened-${part}`).attributes.inputmode).toBe('numeric');
  });

  it('has a honeypot hidden from people, screen readers and the Tab key, and an empty idempotency key', () => {
    const { find, elements } = render(cqm);
    const honeypot = find(FIELD.honeypot);
    expect(honeypot.attributes).toMatchObject({ tabindex: '-1', autocomplete: 'off' });
    expect(honeypot.parent?.attributes['aria-hidden']).toBe('true');
    expect(elements.find((e) => e.attributes.for === FIELD.honeypot)?.text).toBe('Leave this empty');
    expect(elements.find((e) => e.attributes.name === FIELD.submissionId)?.attributes).toMatchObject({
      type: 'hidden',
      value: '',
    });
  });

  it('preselects no choice on an empty form', () => {
    expect(render(cqm).elements.some((e) => 'checked' in e.attributes)).toBe(false);
  });

  it('shows every answer again, escaped, so a value cannot become markup', () => {
    const { find, elements } = render(bySlug('digital-marketing-mentor'), MISTAKES);
    expect(
      elements.some((e) => e.tag === 'script'),
      'no script element',
    ).toBe(false);
    expect(find('what-happened').text).toBe(`\n${escapeHtml('<script>alert("hello")</script>')}`);
    expect(find('phone').attributes.value).toBe(escapeHtml(FILLED.phone ?? ''));
    expect(find('happened-year').attributes.value).toBe('2025');
    expect(find('for-someone-else').attributes.checked).toBe('');
    expect(find('preferred-contact').attributes.checked).toBe('');
    expect(find('consent-confirmed').attributes.checked).toBeUndefined();
  });

  it('keeps a line break at the start of an answer: the parser drops the first one after <textarea>', () => {
    expect(render(cqm, { 'what-happened': '\nsecond line' }).find('what-happened').text).toBe(
      '\n\nsecond line',
    );
  });

  it('shows every question without JavaScript, saying when the dependent ones apply', () => {
    const { find } = render(cqm);
    for (const id of ['conditional-for-someone-else', 'conditional-raised-with']) {
      expect(find(id).attributes.hidden, `#${id} shows`).toBeUndefined();
      expect(find(id).children[0]?.attributes.class).toBe('only-if');
    }
    expect(find('for-someone-else').attributes['data-aria-controls']).toBe('conditional-for-someone-else');
  });
});

describe("each provider's own rules shape the page", () => {
  it('lists what the procedure does not cover, each with the procedure to use instead', () => {
    for (const provider of providers) {
      const { elements } = render(provider);
      const links = elements.filter((e) => e.tag === 'a').map((e) => e.text);
      expect(links, provider.slug).toEqual(
        expect.arrayContaining(provider.exclusions.map((x) => escapeHtml(x.routeTo))),
      );
      expect(
        elements.some((e) => e.attributes.id === 'not-covered'),
        provider.slug,
      ).toBe(provider.exclusions.length > 0);
    }
    expect(bySlug('dynamic-training').exclusions.map((x) => x.topic)).toEqual([
      'assessment-decisions',
      'staff-grievances',
      'whistleblowing',
    ]);
  });

  it('explains a concern against a complaint where the policy does', () => {
    const explained = providers.filter((provider) => render(provider).byId.has('concern-or-complaint'));
    expect(explained.map((provider) => provider.slug)).toEqual(['cqm', 'dynamic-training']);
  });

  it("shows Digital Marketing Mentor's under-18 rule and asks for written confirmation of a representative", () => {
    const dmm = render(bySlug('digital-marketing-mentor'));
    expect(dmm.find('under-18-hint').text).toContain(
      'If you are under 18, we may have to tell your parent or guardian',
    );
    expect(dmm.elements.find((e) => e.attributes.for === 'consent-confirmed')?.text).toBe(
      'I confirm they have agreed in writing that I can make this complaint for them',
    );
    expect(dmm.find('consent-confirmed-hint').text).toContain('will ask you for this confirmation');
    const cqm = render(bySlug('cqm'));
    expect(cqm.byId.has('consent-confirmed')).toBe(false);
    expect(cqm.find('under-18-hint').text).not.toContain('parent or guardian');
  });

  it('has the late-complaint question only where there is a time limit, hidden until it applies', () => {
    for (const provider of providers) {
      const late = render(provider).byId.get('conditional-late-reason');
      if (provider.timeLimit === undefined) expect(late, provider.slug).toBeUndefined();
      else expect(late?.attributes.hidden, provider.slug).toBe('');
    }
    const dmm = bySlug('digital-marketing-mentor');
    const asked = render(dmm, MISTAKES, errorsFor({ name: 'mistakes', values: MISTAKES }, dmm));
    expect(asked.find('conditional-late-reason').attributes.hidden).toBeUndefined();
    expect(asked.find('late-reason-hint').text).toContain('It happened more than 12 weeks ago');
  });
});

describe('the page the intake function sends back', () => {
  const provider = bySlug('cqm');
  const title = escapeHtml(complaintPageTitle(provider));
  const page = (region: string) =>
    `<!doctype html><html><head><title>${title} – Complaints procedures</title></head><body><header><div>Site</div></header><main>${region}<div class="after">kept</div></main></body></html>`;
  const built = page(renderComplaintForm({ provider, values: {}, errors: [] }));
  const errors = errorsFor({ name: 'sent empty', values: {} }, provider);

  it('swaps only the form region, and starts the title with "Error: "', () => {
    const html = renderComplaintPage(built, { provider, values: FILLED, errors });
    expect(html).toBe(
      page(renderComplaintForm({ provider, values: FILLED, errors })).replace('<title>', '<title>Error: '),
    );
    expect(html).toContain(
      '<title>Error: Make a complaint to CQM Training &amp; Consultancy – Complaints procedures</title>',
    );
  });

  it('shows a problem with sending at the top, with the values kept', () => {
    const html = renderComplaintPage(built, {
      provider,
      values: FILLED,
      errors: [],
      problem: 'Try again later.',
    });
    const problem = allElements(parseHtml(html)).find((e) => e.attributes.id === 'send-problem');
    expect(problem?.attributes.hidden).toBeUndefined();
    expect(problem?.text).toContain('Try again later.');
    expect(html).toContain('<title>Error: ');
    expect(html).toContain('value="Ada Example"');
  });

  it('sets any title, keeping the site name', () => {
    expect(
      replaceFormRegion(built, '<div id="complaint-form-region">Done</div>', { title: 'Complaint <sent>' }),
    ).toBe(page('<div id="complaint-form-region">Done</div>').replace(title, 'Complaint &lt;sent&gt;'));
  });

  it('refuses a page without the region, rather than sending the wrong page', () => {
    expect(() => replaceFormRegion('<title>x</title>', '', { title: 'y' })).toThrow(/complaint-form-region/);
  });
});
