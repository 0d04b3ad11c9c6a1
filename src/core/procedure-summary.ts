import { describePeriod } from './deadlines.ts';
import type { Channel, Contact, Provider, Stage } from './provider.ts';

/** A plain-English sentence for the public, with the policy sentence it comes from. */
export interface Statement {
  text: string;
  /** The policy's own words, so a reader can check the plain version against it. */
  quote: string;
}

export const CLOCK_KINDS = ['acknowledge', 'respond', 'interim', 'chase', 'escalate'] as const;
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
  /** Who to write to at this stage. */
  contact: Contact;
  /** The time promises of this stage, in the order a complainant meets them. */
  clocks: ClockStatement[];
}

/** A topic this procedure does not handle, and where to go instead. */
export interface ExclusionSummary {
  description: string;
  routeTo: string;
  text: string;
}

/** Everything a complainant needs to know before complaining, generated from the provider data. */
export interface ProcedureSummary {
  providerName: string;
  /** The stages in order. */
  stages: StageSummary[];
  /** How long after the event to complain; absent when the policy sets no limit. */
  timeLimit?: Statement;
  /** What the policy counts as a complaint. */
  complaint: Statement;
  /** How the policy tells a concern from a complaint, where it does. */
  concern?: Statement;
  exclusions: ExclusionSummary[];
  /** Ways a complaint may be made, in plain words, e.g. "By phone". */
  channels: string[];
  /** Who may complain for someone else. */
  representatives: Statement;
  under18?: Statement;
  /** An oral complaint is written up and a copy sent. */
  oralWriteUp?: Statement;
  /** Other ways to complain for people with communication needs. */
  adjustments?: Statement;
  /** Where to go after the last stage. */
  external?: Statement & { name: string; email?: string; phone?: string };
}

/** How the page names each channel; every channel must have words, so a new one cannot be forgotten here. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  'in-person': 'In person',
  telephone: 'By phone',
  email: 'By email',
  post: 'By post',
  fax: 'By fax',
  'social-media': 'Through social media',
  website: 'Through the website',
  'through-staff': 'Through any member of staff',
  representative: 'Through someone else, such as an advocate or representative',
};

function findContact(provider: Provider, id: string): Contact {
  const contact = provider.contacts.find((candidate) => candidate.id === id);
  // ProviderSchema already refuses unknown contact ids; this guards data that skipped it.
  if (contact === undefined) throw new Error(`${provider.slug}: no contact has the id "${id}"`);
  return contact;
}

/** "a", "a or b", "a, b or c". */
function joinWithOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function summariseClocks(provider: Provider, stage: Stage, next: Stage | undefined): ClockStatement[] {
  const clocks: ClockStatement[] = [];
  if (stage.acknowledge) {
    clocks.push({
      kind: 'acknowledge',
      text: `We will acknowledge your complaint within ${describePeriod(stage.acknowledge.within)}.`,
      quote: stage.acknowledge.quote,
    });
  }
  if (stage.respond) {
    clocks.push({
      kind: 'respond',
      text:
        'setBy' in stage.respond
          ? `The ${stage.handler.role} will tell you the date by which they will get back to you.`
          : `We will send you a full response within ${describePeriod(stage.respond.within)}.`,
      quote: stage.respond.quote,
    });
  }
  if (stage.interim) {
    clocks.push({
      kind: 'interim',
      text: stage.interim.tellsNewDate
        ? 'If a full reply takes longer, we will send you an interim response explaining what is being done and when you can expect the full reply.'
        : 'If a full reply takes longer, we will send you an interim response explaining what is being done.',
      quote: stage.interim.quote,
    });
  }
  if (stage.chase) {
    const chasers = stage.chase.notify.map((id) => findContact(provider, id).role);
    clocks.push({
      kind: 'chase',
      text: `If your complaint is not closed within ${describePeriod(stage.chase.after)}, the ${joinWithOr(chasers)} will chase the ${stage.handler.role} for an update.`,
      quote: stage.chase.quote,
    });
  }
  if (stage.escalateWithin) {
    const onward = next?.name ?? provider.external?.name ?? 'the next stage';
    clocks.push({
      kind: 'escalate',
      text: `If you are not satisfied with the outcome, you can ask for ${onward} within ${describePeriod(stage.escalateWithin.within)} of receiving the ${stage.name} response.`,
      quote: stage.escalateWithin.quote,
    });
  }
  return clocks;
}

function summariseRepresentatives(provider: Provider): Statement {
  const { reasons, consent, examples, quote } = provider.representatives;
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
        return ' The person they complain for will need to confirm this in writing.';
      case 'recorded-consent':
        return ' We will record the consent of the person they complain for.';
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

/**
 * The provider's procedure in plain words: every timescale is generated from the same data the
 * deadline engine enforces, so what a complainant is promised and what staff are held to cannot drift.
 */
export function summariseProcedure(provider: Provider): ProcedureSummary {
  const { stages } = provider;
  const lastStage = stages.at(-1);
  return {
    providerName: provider.name,
    stages: stages.map((stage, i) => ({
      id: stage.id,
      name: stage.name,
      informal: stage.informal,
      what: stage.summary,
      handledBy: stage.handler.role,
      contact: findContact(provider, stage.handler.contact),
      clocks: summariseClocks(provider, stage, stages[i + 1]),
    })),
    ...(provider.timeLimit && {
      timeLimit: {
        text: `Complain within ${describePeriod(provider.timeLimit.within)} of what happened if you can. A later complaint can still be considered.`,
        quote: provider.timeLimit.quote,
      },
    }),
    complaint: provider.complaintDefinition,
    ...(provider.concernDefinition && { concern: provider.concernDefinition }),
    exclusions: provider.exclusions.map((exclusion) => ({
      description: exclusion.description,
      routeTo: exclusion.routeTo,
      text: `${exclusion.description}: this procedure does not cover them. Use the ${exclusion.routeTo} instead.`,
    })),
    channels: provider.channels.accepted.map((channel) => CHANNEL_LABELS[channel]),
    representatives: summariseRepresentatives(provider),
    ...(provider.under18 && {
      under18: {
        text: 'If you are under 18, we may need to tell your parent or guardian about your complaint.',
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
        text: `If you are still not satisfied after ${lastStage?.name ?? 'the last stage'}, you can complain to the ${provider.external.name}.`,
        quote: provider.external.quote,
      },
    }),
  };
}
