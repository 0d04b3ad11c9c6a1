import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { renderComplaintPage } from '../../src/components/complaint-form/ComplaintPage.tsx';
import { TEMPLATE_ID } from '../../src/components/fields/field-ids.ts';
import type { Provider } from '../../src/core/provider.ts';
import { FIELD, FIELD_NAMES, type FieldError, type FormValues } from '../../src/core/submission-rules.ts';
import { fixtureProviders } from '../support/fixtures.ts';
import { EXAMPLES, errorsFor, FILLED, MISTAKES, TODAY } from './complaint-examples.ts';
import { allElements, closest, type HtmlElement, outline, parseHtml, templateContent } from './html-tree.ts';

const providers = await fixtureProviders();
const bySlug = (slug: string): Provider => {
  const provider = providers.find((candidate) => candidate.slug === slug);
  if (provider === undefined) throw new Error(`no provider ${slug}`);
  return provider;
};

function render(provider: Provider, values: FormValues = {}, errors: FieldError[] = [], problem?: string) {
  const html = renderComplaintPage({
    provider,
    values,
    errors,
    problem,
    calendar: holidayCalendar(provider.nation),
    today: TODAY,
    site: 'https://complaints.example.org',
  });
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
    expect(links.map((link) => link.text)).toEqual(errors.map((error) => error.message));
    for (const error of errors) {
      const target = find(error.inputId);
      expect(['input', 'textarea'], `the summary links to a field for ${error.field}`).toContain(target.tag);
      const message = find(`${error.field}-error`);
      expect(message.text).toBe(`Error: ${error.message}`);
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

  it('shows every answer again as it was typed', () => {
    const { find } = render(bySlug('digital-marketing-mentor'), MISTAKES);
    expect(find('what-happened').text).toBe('<script>alert("hello")</script>');
    expect(find('phone').attributes.value).toBe(FILLED.phone);
    expect(find('happened-year').attributes.value).toBe('2025');
    expect(find('for-someone-else').attributes.checked).toBe('');
    expect(find('preferred-contact').attributes.checked).toBe('');
    expect(find('consent-confirmed').attributes.checked).toBeUndefined();
  });

  it('keeps a line break at the start of an answer: the parser drops the first one after <textarea>', () => {
    const { html } = render(cqm, { 'what-happened': '\nsecond line' });
    expect(html).toContain('data-control="" data-maxlength="10000">\n\nsecond line</textarea>');
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
      expect(links, provider.slug).toEqual(expect.arrayContaining(provider.exclusions.map((x) => x.routeTo)));
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
  const errors = errorsFor({ name: 'sent empty', values: {} }, provider);

  it('starts the title with "Error: " when there are errors, so screen reader users hear it first', () => {
    expect(render(provider, FILLED, errors).find('error-summary')).toBeDefined();
    const title = (html: string) => allElements(parseHtml(html)).find((e) => e.tag === 'title')?.text;
    expect(title(render(provider, FILLED, errors).html)).toBe(
      'Error: Make a complaint to CQM Training & Consultancy – Complaints procedures',
    );
    expect(title(render(provider).html)).toBe(
      'Make a complaint to CQM Training & Consultancy – Complaints procedures',
    );
  });

  it('shows a problem with sending at the top, focused, with the values kept', () => {
    const { find } = render(provider, FILLED, [], 'Try again later.');
    expect(find('send-problem').attributes).toMatchObject({ autofocus: '' });
    expect(find('send-problem').attributes.hidden).toBeUndefined();
    expect(find('send-problem').text).toContain('Try again later.');
    expect(find('full-name').attributes.value).toBe('Ada Example');
  });
});

describe('every value on the page is escaped', () => {
  const hostile = `<script>alert("x")</script>' onmouseover="alert(1)" &amp; </textarea><b>`;
  const provider: Provider = { ...bySlug('digital-marketing-mentor'), name: `Evil ${hostile} Ltd` };
  const values = Object.fromEntries(FIELD_NAMES.map((name) => [name, `${name} ${hostile}`])) as FormValues;
  const errors: FieldError[] = [{ field: 'full-name', inputId: 'full-name', message: `Fix ${hostile}` }];
  const { html, elements, find } = render(provider, values, errors, `Problem ${hostile}`);

  it('so no value becomes an element or an attribute: the only script is the form script', () => {
    const scripts = elements.filter((e) => e.tag === 'script');
    expect(scripts.map((script) => script.attributes.src)).toEqual(['/assets/complaint-form.js']);
    expect(elements.some((e) => e.tag === 'b')).toBe(false);
    expect(elements.some((e) => 'onmouseover' in e.attributes)).toBe(false);
    expect(html).not.toContain('<script>alert');
  });

  it('and every value reads back exactly as given', () => {
    for (const name of [
      FIELD.fullName,
      FIELD.email,
      FIELD.phone,
      FIELD.postcode,
      FIELD.course,
      FIELD.raisedWith,
    ]) {
      expect(find(name).attributes.value, name).toBe(`${name} ${hostile}`);
    }
    for (const name of [
      FIELD.address,
      FIELD.whatHappened,
      FIELD.outcomeWanted,
      FIELD.adjustments,
      FIELD.lateReason,
    ]) {
      expect(find(name).text, name).toBe(`${name} ${hostile}`);
    }
    expect(elements.find((e) => e.attributes.name === FIELD.submissionId)?.attributes.value).toBe(
      `${FIELD.submissionId} ${hostile}`,
    );
    expect(find(FIELD.honeypot).attributes.value).toBe(`${FIELD.honeypot} ${hostile}`);
    expect(find('full-name-error').text).toBe(`Error: Fix ${hostile}`);
    expect(find('send-problem').text).toContain(`Problem ${hostile}`);
    expect(elements.find((e) => e.tag === 'h1')?.text).toBe(`Make a complaint to Evil ${hostile} Ltd`);
    expect(elements.find((e) => e.tag === 'title')?.text).toContain(`Evil ${hostile} Ltd`);
  });
});

describe('the templates the browser script clones', () => {
  const provider = bySlug('cqm');
  const errors = errorsFor({ name: 'sent empty', values: {} }, provider);
  const page = parseHtml(render(provider, {}, errors).html);
  const template = (id: string) => {
    const found = allElements(page).find((e) => e.tag === 'template' && e.attributes.id === id);
    const [first] = found === undefined ? [] : templateContent(found);
    if (first === undefined) throw new Error(`no template #${id}`);
    return first;
  };
  const byId = (id: string) => allElements(page).find((e) => e.attributes.id === id) as HtmlElement;

  it('hold the markup the server renders for an inline error, less its id and message', () => {
    const rendered = outline(byId('full-name-error'))
      .replace('id="full-name-error"', 'id="template-error"')
      // The script appends the message after the space that follows "Error:".
      .replace('" Enter your full name"', '" "');
    expect(outline(template(TEMPLATE_ID.errorMessage))).toBe(rendered);
  });

  it('hold the markup of the error summary and of one of its links, less the errors', () => {
    const summary = outline(template(TEMPLATE_ID.errorSummary));
    const [first] = allElements(byId('error-summary')).filter((e) => e.tag === 'li');
    expect(outline(byId('error-summary')).replace(/<ul class="error-summary__list">.*<\/ul>/, '')).toBe(
      summary.replace('<ul class="error-summary__list"></ul>', ''),
    );
    expect(outline(template(TEMPLATE_ID.errorSummaryItem))).toBe(
      outline(first as HtmlElement)
        .replace('href="#full-name"', 'href="#"')
        .replace('"Enter your full name"', ''),
    );
  });
});
