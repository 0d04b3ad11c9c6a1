import { describePeriod } from './deadlines.ts';
import type { Channel, ClockRule, Contact, Provider, Representatives, Stage } from './provider.ts';

/** A plain-English sentence for the public, with the policy sentence it comes from. */
export interface Statement {
  text: string;
  /** The policy's own words, so a reader can check the plain version against them. */
  quote: string;
}

export const CLOCK_KINDS = [
  'acknowledge',
  'holding-reply',
  'respond',
  'interim',
  'chase',
  'escalate',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** One promise about time at a stage, e.g. "We will acknowledge your complaint within 4 working days." */
export interface ClockStatement extends Statement {
  kind: ClockKind;
}

/** One step of the procedure as a complainant meets it. */
export interface StageSummary {
  id: string;
  /** The stage's name as the policy writes it. */
  name: string;
  /** Raised directly with the person concerned rather than logged as a formal complaint. */
  informal: boolean;
  /** What happens at this stage. */
  what: string;
  /** The role that handles the stage, e.g. "Managing Director". */
  handledBy: string;
  /** Who to write to at this stage; absent when the policy gives no one. */
  contact?: Contact;
  /** The time promises of this stage, in the order a complainant meets them. */
  clocks: ClockStatement[];
}

/** A way to complain, and what the policy leaves out about it. */
export interface ChannelSummary {
  channel: Channel;
  /** E.g. "By phone". */
  label: string;
  /** Said when the policy accepts the channel but gives no number or address for it. */
  missing?: string;
}

/** Everything a complainant needs to know before complaining, generated from the provider data. */
export interface ProcedureSummary {
  providerName: string;
  /** The stages in order. */
  stages: StageSummary[];
  /** How long after the event to complain; absent when the policy sets no limit. */
  timeLimit?: Statement;
  /** What the policy counts as a complaint; absent when it gives no definition. */
  complaint?: Statement;
  /** How the policy tells a concern from a complaint, where it does. */
  concern?: Statement;
  /** Matters this procedure does not handle, each with where to go instead. */
  exclusions: Statement[];
  channels: ChannelSummary[];
  /** Who may complain for someone else; absent when the policy does not say. */
  representatives?: Statement;
  under18?: Statement;
  /** An oral complaint is written up and a copy sent. */
  oralWriteUp?: Statement;
  /** Other ways to complain, e.g. for people with communication needs. */
  adjustments?: Statement;
  /** Where to go at the end of the procedure. */
  external?: Statement & { name: string; email?: string; phone?: string };
}

/** Each channel as it reads inside a sentence; every channel must have words, so none is forgotten. */
export const CHANNEL_PHRASES: Record<Channel, string> = {
  'in-person': 'in person',
  telephone: 'by phone',
  email: 'by email',
  post: 'by post',
  fax: 'by fax',
  'social-media': 'through social media',
  website: 'through the website',
  'through-staff': 'through any member of staff',
  representative: 'through someone else, such as an advocate or representative',
};

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a or b", "a, b or c". */
/**
 * A handler's role as the policy names it, made to read inside a sentence: "the Managing Director",
 * "the member of staff who dealt with you", "Interlearn's Appeals Procedure" (no article before a
 * possessive). `atStart` capitalises it to open a sentence.
 */
export function handlerPhrase(role: string, atStart = false): string {
  const phrase = /^the /i.test(role) ? `the ${role.slice(4)}` : /^\S+'s /.test(role) ? role : `the ${role}`;
  return atStart ? `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}` : phrase;
}

function joinWithOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function findContact(provider: Provider, id: string): Contact {
  const contact = provider.contacts.find((candidate) => candidate.id === id);
  // ProviderSchema already refuses unknown contact ids; this guards data that skipped it.
  if (contact === undefined) throw new Error(`${provider.slug}: no contact has the id "${id}"`);
  return contact;
}

/** " if you complain by email" for a clock that runs only for some channels. */
function channelCondition(rule: Pick<ClockRule, 'appliesTo'>): string {
  return rule.appliesTo
    ? ` if you complain ${joinWithOr(rule.appliesTo.map((c) => CHANNEL_PHRASES[c]))}`
    : '';
}

function summariseClocks(provider: Provider, stage: Stage, next: Stage | undefined): ClockStatement[] {
  const clocks: ClockStatement[] = [];
  if (stage.acknowledge) {
    const { within, quote } = stage.acknowledge;
    clocks.push({
      kind: 'acknowledge',
      text: `We will acknowledge your complaint within ${describePeriod(within)}${channelCondition(stage.acknowledge)}.`,
      quote,
    });
  }
  const { holdingReply } = stage;
  if (holdingReply) {
    clocks.push({
      kind: 'holding-reply',
      text: `${handlerPhrase(stage.handler.role, true)} will reply within ${describePeriod(holdingReply.within)} to tell you what will be done to investigate your complaint${holdingReply.tellsOutcomeDate ? ', and when you can expect the outcome' : ''}.`,
      quote: holdingReply.quote,
    });
  }
  if (stage.respond) {
    const setDate = holdingReply?.tellsOutcomeDate
      ? 'You will receive the outcome by the date that reply gives.'
      : `${handlerPhrase(stage.handler.role, true)} will give you a date by which they will get back to you.`;
    clocks.push({
      kind: 'respond',
      text:
        'setBy' in stage.respond
          ? setDate
          : `We will ${stage.respond.investigation ? 'investigate your complaint' : 'respond'} within ${describePeriod(stage.respond.within)}${channelCondition(stage.respond)}.`,
      quote: stage.respond.quote,
    });
  }
  if (stage.interim) {
    clocks.push({
      kind: 'interim',
      text: stage.interim.tellsNewDate
        ? 'If a full reply needs longer, we will send you an interim response saying what is being done and when to expect the full reply.'
        : 'If a full reply needs longer, we will send you an interim response saying what is being done.',
      quote: stage.interim.quote,
    });
  }
  if (stage.chase) {
    const chasers = stage.chase.notify.map((id) => findContact(provider, id).role);
    clocks.push({
      kind: 'chase',
      text: `If your complaint is not closed within ${describePeriod(stage.chase.after)}, the ${joinWithOr(chasers)} will chase ${handlerPhrase(stage.handler.role)} for an update.`,
      quote: stage.chase.quote,
    });
  }
  if (stage.escalateWithin) {
    const onward = next?.name ?? provider.external?.name;
    clocks.push({
      kind: 'escalate',
      text: `If you are not satisfied with the outcome, you can ask to go on to the next stage${onward ? ` (${onward})` : ''} within ${describePeriod(stage.escalateWithin.within)} of receiving the response at this stage.`,
      quote: stage.escalateWithin.quote,
    });
  }
  return clocks;
}

function describeRepresentatives({ reasons, consent, examples, quote }: Representatives): Statement {
  const reasonWords = reasons.map((reason) => {
    switch (reason) {
      case 'died':
        return 'has died';
      case 'cannot-complain':
        return 'cannot make the complaint themselves';
      case 'consented':
        return 'has agreed to someone acting for them';
      default: {
        const unreachable: never = reason;
        throw new Error(`unknown representative reason ${String(unreachable)}`);
      }
    }
  });
  const who =
    reasonWords.length > 0
      ? `Someone else can complain for a person who ${joinWithOr(reasonWords)}`
      : 'Someone else can complain for you';
  const forExample = examples ? ` (for example ${examples})` : '';
  const confirmation = ((): string => {
    switch (consent) {
      case 'written-confirmation':
        return ' You will need to confirm this in writing.';
      case 'recorded-consent':
        return ' We will record your consent.';
      case 'none':
        return '';
      default: {
        const unreachable: never = consent;
        throw new Error(`unknown consent ${String(unreachable)}`);
      }
    }
  })();
  return { text: `${who}${forExample}.${confirmation}`, quote };
}

/** What the policy leaves out for a channel that needs a number or an address to use. */
function findMissingDetail(provider: Provider, channel: Channel): string | undefined {
  const has = (detail: 'phone' | 'email' | 'address') => provider.contacts.some((contact) => contact[detail]);
  switch (channel) {
    case 'telephone':
    case 'fax':
      return has('phone') ? undefined : 'the policy gives no number';
    case 'email':
      return has('email') ? undefined : 'the policy gives no email address';
    case 'post':
      return has('address') ? undefined : 'the policy gives no postal address';
    case 'in-person':
    case 'social-media':
    case 'website':
    case 'through-staff':
    case 'representative':
      return undefined;
    default: {
      const unreachable: never = channel;
      throw new Error(`unknown channel ${String(unreachable)}`);
    }
  }
}

/**
 * The route outside the provider in one sentence, worded from when its policy allows it and with no
 * condition the policy does not state: the procedure page, the outcome letter, the status page and
 * the escalation page all say it so.
 */
export function externalRoute(external: NonNullable<Provider['external']>): string {
  switch (external.when) {
    case 'after-last-stage':
      return `If you are still not satisfied at the end of this procedure, you can contact the ${external.name}.`;
    case 'any-time':
      return `You can also contact the ${external.name} at any time.`;
    default: {
      const unreachable: never = external.when;
      throw new Error(`unknown external route condition ${String(unreachable)}`);
    }
  }
}

/** What a complainant is told once the provider's last stage has its outcome, before any route outside it. */
export const procedureEnded = (provider: Pick<Provider, 'name'>): string =>
  `This was the last stage of ${provider.name}'s complaints procedure, which has now ended.`;

/**
 * The provider's procedure in plain words. Every timescale is generated from the same data the
 * deadline engine enforces, so what a complainant is promised and what staff are held to cannot drift.
 */
export function summariseProcedure(provider: Provider): ProcedureSummary {
  const { stages } = provider;
  return {
    providerName: provider.name,
    stages: stages.map((stage, i) => ({
      id: stage.id,
      name: stage.name,
      informal: stage.informal,
      what: stage.summary,
      handledBy: stage.handler.role,
      ...(stage.handler.contact !== undefined && { contact: findContact(provider, stage.handler.contact) }),
      clocks: summariseClocks(provider, stage, stages[i + 1]),
    })),
    ...(provider.timeLimit && {
      timeLimit: {
        text: `Complain within ${describePeriod(provider.timeLimit.within)} of what happened if you can. A later complaint can still be considered.`,
        quote: provider.timeLimit.quote,
      },
    }),
    ...(provider.complaintDefinition && { complaint: provider.complaintDefinition }),
    ...(provider.concernDefinition && { concern: provider.concernDefinition }),
    exclusions: provider.exclusions.map((exclusion) => ({
      text: `${exclusion.description}. Use instead: ${exclusion.routeTo}.`,
      quote: exclusion.quote,
    })),
    channels: provider.channels.accepted.map((channel) => {
      const missing = findMissingDetail(provider, channel);
      return { channel, label: capitalise(CHANNEL_PHRASES[channel]), ...(missing && { missing }) };
    }),
    ...(provider.representatives && { representatives: describeRepresentatives(provider.representatives) }),
    ...(provider.under18 && {
      under18: {
        text: 'If you are under 18, we may have to tell your parent or guardian about your complaint.',
        quote: provider.under18.quote,
      },
    }),
    ...(provider.oralWriteUp && {
      oralWriteUp: {
        text: `If you complain in person or by phone, we will write your complaint down and send you a copy within ${describePeriod(provider.oralWriteUp.within)}.`,
        quote: provider.oralWriteUp.quote,
      },
    }),
    ...(provider.adjustments && { adjustments: provider.adjustments }),
    ...(provider.external && {
      external: {
        name: provider.external.name,
        ...(provider.external.email && { email: provider.external.email }),
        ...(provider.external.phone && { phone: provider.external.phone }),
        text: externalRoute(provider.external),
        quote: provider.external.quote,
      },
    }),
  };
}
