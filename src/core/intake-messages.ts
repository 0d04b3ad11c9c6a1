import { longDate } from './calendar.ts';
import type { Case, Derived } from './case.ts';
import { describePeriod } from './deadlines.ts';
import { escapeHtml } from './html.ts';
import { externalRoute, handlerPhrase } from './procedure-summary.ts';
import type { Provider } from './provider.ts';

/** An email before it is addressed: the words, as plain text and as HTML. */
export interface MessageContent {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph or a list: the two shapes every message here is made of. */
type Block = string | readonly string[];

/** A message from paragraphs and lists, as plain text and as an accessible HTML document. */
export function render(subject: string, blocks: readonly Block[]): MessageContent {
  const shown = blocks.filter((block) => block.length > 0);
  const text = shown.map((block) =>
    typeof block === 'string' ? block : block.map((item) => `- ${item}`).join('\n'),
  );
  const html = shown.map((block) =>
    typeof block === 'string'
      ? `<p>${escapeHtml(block)}</p>`
      : `<ul>${block.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
  );
  // A real document with a language and a title, so screen readers announce it properly.
  return {
    subject,
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${html.join('')}</body></html>`,
  };
}

function dueOf(
  derived: Derived,
  stage: string,
  clock: Derived['clocks'][number]['clock'],
): string | undefined {
  return derived.clocks.find((candidate) => candidate.stage === stage && candidate.clock === clock)?.dueBy;
}

/** What a complainant can expect at their stage, and what they can do afterwards, in plain words. */
export interface NextSteps {
  /** The dates the provider is held to, e.g. "You should receive a full response by …". */
  promises: string[];
  /** Escalation to the next stage and the external route. */
  afterwards: string[];
}

/**
 * The next steps of a case at `stageId`, with the concrete dates of its derived clocks. The
 * confirmation page and the acknowledgement email both say exactly this.
 */
export function whatHappensNext(provider: Provider, stageId: string, derived: Derived): NextSteps {
  const index = provider.stages.findIndex((stage) => stage.id === stageId);
  const stage = provider.stages[index];
  if (stage === undefined) throw new Error(`${provider.name} has no stage "${stageId}"`);
  const nextStage = provider.stages[index + 1];
  const acknowledgeBy = dueOf(derived, stage.id, 'acknowledge');
  const respondBy = dueOf(derived, stage.id, 'respond');
  const holdingReplyBy = dueOf(derived, stage.id, 'holding-reply');

  const promises: string[] = [];
  if (acknowledgeBy !== undefined)
    promises.push(`We will acknowledge your complaint by ${longDate(acknowledgeBy)}.`);
  if (holdingReplyBy !== undefined) {
    promises.push(
      `${handlerPhrase(stage.handler.role, true)} will reply by ${longDate(holdingReplyBy)} to tell you what will be done to investigate your complaint${stage.holdingReply?.tellsOutcomeDate ? ', and when you can expect the outcome' : ''}.`,
    );
  }
  if (respondBy !== undefined) {
    promises.push(
      stage.respond !== undefined && 'investigation' in stage.respond && stage.respond.investigation
        ? `We will investigate your complaint by ${longDate(respondBy)}.`
        : `You should receive a full response by ${longDate(respondBy)}.`,
    );
  } else if (stage.respond !== undefined && 'setBy' in stage.respond && holdingReplyBy === undefined) {
    promises.push(
      `${handlerPhrase(stage.handler.role, true)} will contact you and give you a date by which you will hear back.`,
    );
  }
  if (stage.interim !== undefined) {
    promises.push(
      stage.interim.tellsNewDate
        ? 'If we cannot give a full response by then, we will send you an interim response saying what we are doing and when to expect the full one.'
        : 'If we cannot give a full response by then, we will send you an interim response saying what we are doing.',
    );
  }
  if (promises.length === 0) promises.push(`${handlerPhrase(stage.handler.role, true)} will contact you.`);

  const afterwards: string[] = [];
  if (nextStage !== undefined) {
    const window =
      stage.escalateWithin === undefined ? '' : ` within ${describePeriod(stage.escalateWithin.within)}`;
    afterwards.push(
      `If you are not satisfied with the response, you can ask for ${nextStage.name}${window} of receiving it, quoting your reference.`,
    );
  }
  if (provider.external !== undefined) afterwards.push(externalRoute(provider.external));
  return { promises, afterwards };
}

/**
 * The longest name an acknowledgement greets by. Anyone can have one sent to any address from the
 * provider's domain, so what a stranger can put in it stays short; the full name is in the case.
 */
export const GREETING_NAME_LIMIT = 40;

/**
 * What mail clients turn into a link or a call button, in plain text and HTML alike: an address
 * (`@`), a scheme or path (`:`, `/`, `\`), a dotted host name (`example.com`, also with the
 * full-width and ideographic dots), or a run of three digits. Names have none of these, except the
 * odd "St.John", who is then greeted without a name.
 */
const LINK_LIKE = /[@＠:：/／\\]|[\p{L}\p{N}][.．。]\p{L}{2}|\p{N}{3}/u;

/** The name to greet someone by, or `undefined` when it is too long or could become a link. */
export function greetingName(name: string): string | undefined {
  return name.length > GREETING_NAME_LIMIT || LINK_LIKE.test(name) ? undefined : name;
}

/**
 * The email a complainant (and their representative) gets when a complaint is received: the
 * reference, the concrete dates the engine will hold the provider to, and what they can do next.
 * It repeats nothing of what they wrote, so a misdirected email gives little away, and of the name
 * only what `greetingName` lets through.
 */
export function acknowledgementMessage(
  provider: Provider,
  stored: Case,
  derived: Derived,
  extras: {
    /** The reference the complainant was shown, when another complaint turned out to hold it. */
    replaces?: string | undefined;
    /** The complainant's private status page. */
    statusUrl?: string | undefined;
  } = {},
): MessageContent {
  const { promises, afterwards } = whatHappensNext(provider, stored.stage, derived);
  const name = greetingName(stored.representative?.name ?? stored.complainant.name);
  return render(`We have received your complaint: ${stored.reference}`, [
    name === undefined ? 'Hello,' : `Dear ${name},`,
    `Thank you for telling ${provider.name} about your complaint. Your reference is ${stored.reference}. Please quote it whenever you contact us about this complaint.`,
    extras.replaces === undefined
      ? ''
      : `This reference replaces ${extras.replaces}, the one shown when you sent your complaint: that reference belongs to another complaint, so please do not use it.`,
    'What happens next:',
    promises,
    ...afterwards,
    ...statusLink(extras.statusUrl),
    'If you need us to communicate with you in another way because of a disability or other need, reply to this email and tell us.',
    provider.name,
  ]);
}

/** The private status link, and why it should be kept to oneself. */
export function statusLink(statusUrl: string | undefined): string[] {
  if (statusUrl === undefined) return [];
  return [
    `See where your complaint stands, and what happens next and by when, at any time: ${statusUrl}`,
    'This link is private to you: it shows your reference and dates, but anyone with it can see them, so do not share it.',
  ];
}

/**
 * The notice to a provider's case team that a complaint has arrived. It holds the reference and
 * the dates only: the details are in the case store, behind its access control.
 */
export function newCaseNotice(
  provider: Provider,
  stored: Case,
  derived: Derived,
  caseUrl: string,
): MessageContent {
  const acknowledgeBy = dueOf(derived, stored.stage, 'acknowledge');
  const respondBy = dueOf(derived, stored.stage, 'respond');
  const stage = provider.stages.find((candidate) => candidate.id === stored.stage);
  return render(`New complaint ${stored.reference}`, [
    `A new complaint, ${stored.reference}, has been received for ${provider.name} (${stage?.name ?? stored.stage}).`,
    [
      ...(acknowledgeBy === undefined ? [] : [`Acknowledge by ${longDate(acknowledgeBy)}`]),
      ...(respondBy === undefined ? [] : [`Respond by ${longDate(respondBy)}`]),
    ],
    `Open it in the case editor: ${caseUrl}`,
  ]);
}
