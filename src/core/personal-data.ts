import { z } from 'zod';
import {
  CaseEventSchema,
  type CaseEventType,
  type CaseFile,
  CaseFileSchema,
  CaseLogSchema,
  ClockSchema,
  COMPLAINT_SUBJECTS,
  OutcomeSchema,
} from './case.ts';
import { caseFolder } from './case-file.ts';
import { type IsoDate, IsoDateSchema } from './period.ts';
import { ChannelSchema, type Provider } from './provider.ts';

/**
 * Personal data over a case's life (DESIGN, "Personal data over its life"): when a closed case has
 * been kept long enough, what is left of it once the personal data is gone, and how a person is
 * recognised in it for a subject access request.
 */

/** The day a case was closed or withdrawn, or `undefined` while it is open. */
export function closedOn(stored: Pick<CaseFile, 'status' | 'events'>): IsoDate | undefined {
  if (stored.status === 'open') return undefined;
  return stored.events.findLast((event) => event.type === 'closed' || event.type === 'withdrawn')?.on;
}

/**
 * The last day a closed case keeps its personal data: the same day `years` later (a case closed
 * on 29 February is kept until 1 March, never a day short). `undefined` while the case is open.
 */
export function keptUntil(
  stored: Pick<CaseFile, 'status' | 'events'>,
  retention: Provider['retention'],
): IsoDate | undefined {
  const closed = closedOn(stored);
  if (closed === undefined) return undefined;
  const [year, month, day] = closed.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + retention.yearsAfterClosure, month - 1, day)).toISOString().slice(0, 10);
}

/** True once `today` is after the last day the case keeps its personal data. */
export function isPastRetention(
  stored: Pick<CaseFile, 'status' | 'events'>,
  retention: Provider['retention'],
  today: IsoDate,
): boolean {
  const until = keptUntil(stored, retention);
  return until !== undefined && today > until;
}

export const REMOVAL_REASONS = ['retention', 'erasure'] as const;

/** An event with only its facts: what kind, when, at which stage, and its outcome or new dates. */
const AnonymousEventSchema = z.strictObject({
  type: z.enum(
    CaseEventSchema.options.map((option) => option.shape.type.value) as [CaseEventType, ...CaseEventType[]],
  ),
  on: IsoDateSchema,
  stage: z.string(),
  outcome: OutcomeSchema.optional(),
  toStage: z.string().optional(),
  dueBy: IsoDateSchema.optional(),
  newDueBy: IsoDateSchema.optional(),
  expectedBy: IsoDateSchema.optional(),
});

/**
 * What is kept of a case once its personal data is removed: the facts the board report counts
 * (dates, stage, status, channel, category, outcomes, clocks, how many notes and actions), and
 * nothing that names or describes a person: no names, contact details, adjustments, representative,
 * handlers, or anything a person wrote.
 */
export const AnonymousCaseSchema = z.strictObject({
  reference: z.string(),
  provider: z.string(),
  /** The day it was received. */
  receivedOn: IsoDateSchema,
  channel: ChannelSchema,
  /** What it was about, from the form's fixed list. */
  about: z.enum(COMPLAINT_SUBJECTS),
  category: z.string().optional(),
  stage: z.string(),
  status: CaseFileSchema.shape.status,
  events: z.array(AnonymousEventSchema),
  clocks: z.array(ClockSchema),
  notes: z.number().int().nonnegative(),
  actions: z.number().int().nonnegative(),
  actionsDone: z.number().int().nonnegative(),
  learningRecorded: z.boolean(),
  /**
   * Yes-or-no facts the board report counts, never what they were: absent in facts kept before
   * Redress recorded them.
   */
  under18: z.boolean().optional(),
  represented: z.boolean().optional(),
  adjustmentsAsked: z.boolean().optional(),
  resolutionAgreed: CaseLogSchema.shape.resolutionAgreed,
  referredExternallyOn: IsoDateSchema.optional(),
  personalDataRemoved: z.strictObject({ on: IsoDateSchema, because: z.enum(REMOVAL_REASONS) }),
});
export type AnonymousCase = z.output<typeof AnonymousCaseSchema>;

/** What every case tells without naming anyone: what it was about, its course, and yes-or-no facts. */
export type CaseFacts = Pick<
  AnonymousCase,
  | 'receivedOn'
  | 'channel'
  | 'about'
  | 'stage'
  | 'status'
  | 'events'
  | 'under18'
  | 'represented'
  | 'adjustmentsAsked'
  | 'resolutionAgreed'
  | 'referredExternallyOn'
>;

/**
 * The facts of `file` that name nobody. Both what is kept once its personal data is removed and
 * what the board report counts of a live case come from here, so a case counts the same either way.
 */
export function caseFacts(file: CaseFile): CaseFacts {
  return {
    receivedOn: file.events[0]?.on ?? '',
    channel: file.channel,
    about: file.complaint.about,
    stage: file.stage,
    status: file.status,
    events: file.events.map((event) => ({
      type: event.type,
      on: event.on,
      stage: event.stage,
      outcome: 'outcome' in event ? event.outcome : undefined,
      toStage: 'toStage' in event ? event.toStage : undefined,
      dueBy: 'dueBy' in event ? event.dueBy : undefined,
      newDueBy: 'newDueBy' in event ? event.newDueBy : undefined,
      expectedBy: 'expectedBy' in event ? event.expectedBy : undefined,
    })),
    under18: file.complainant.under18,
    represented: file.representative !== undefined,
    adjustmentsAsked: file.adjustments !== undefined,
    resolutionAgreed: file.log?.resolutionAgreed,
    referredExternallyOn: file.log?.referredExternallyOn,
  };
}

/** The anonymous facts of `file`, its personal data removed on `on` because of `because`. */
export function anonymiseCase(
  file: CaseFile,
  on: IsoDate,
  because: (typeof REMOVAL_REASONS)[number],
): AnonymousCase {
  return AnonymousCaseSchema.parse({
    ...caseFacts(file),
    reference: file.reference,
    provider: file.provider,
    category: file.category,
    clocks: file.derived.clocks,
    notes: file.notes.length,
    actions: file.actions.length,
    actionsDone: file.actions.filter((action) => action.doneOn !== undefined).length,
    learningRecorded: file.learning !== undefined,
    personalDataRemoved: { on, because },
  });
}

/**
 * Where a case's anonymous facts are kept: beside the provider's cases, not among them, so the
 * sweep and the staff editor (which read the provider's folder) never take them for cases.
 */
export function anonymousCasePath(
  provider: Pick<Provider, 'slug' | 'caseStore'>,
  facts: Pick<AnonymousCase, 'reference' | 'receivedOn'>,
): string {
  return `anonymised/${caseFolder(provider)}/${facts.receivedOn.slice(0, 4)}/${facts.reference.toLowerCase()}.yaml`;
}

/** How a person asking for their data identifies themselves. */
export type PersonQuery = { email: string } | { phone: string };

/**
 * A phone number reduced to what identifies it: its digits, a UK number written the national way
 * (`+44 20 7946 0000` and `020 7946 0000` are the same line).
 */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('44') && phone.trim().startsWith('+') ? `0${digits.slice(2)}` : digits;
}

/** True when `details` (a complainant's or representative's) are the person's. */
export function isPerson(
  details: { email?: string | undefined; phone?: string | undefined },
  query: PersonQuery,
): boolean {
  if ('email' in query) return details.email?.toLowerCase() === query.email.trim().toLowerCase();
  return details.phone !== undefined && normalisePhone(details.phone) === normalisePhone(query.phone);
}

/** True when the person complained in this case, or complained for someone in it. */
export function caseConcerns(
  file: Pick<CaseFile, 'complainant' | 'representative'>,
  query: PersonQuery,
): boolean {
  return (
    isPerson(file.complainant, query) ||
    (file.representative !== undefined && isPerson(file.representative, query))
  );
}
