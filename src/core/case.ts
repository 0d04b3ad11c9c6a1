import { z } from 'zod';
import { IsoDateSchema } from './period.ts';
import { ChannelSchema, ProviderSchema, RepresentativeReasonSchema, StageSchema } from './provider.ts';
import { ReferenceSchema } from './reference.ts';
import { EMAIL_PATTERN, TEXT_MAX } from './text-limits.ts';

/**
 * One complaint, as stored in the case store (`<provider>/<year>/<reference>.yaml`).
 * `CaseSchema` holds what people decided; `DerivedSchema` holds what the engine works out from it
 * (clocks and their states) and may overwrite at any time. A case file is both: `CaseFileSchema`.
 */

/** A provider's slug, as in `content/providers/<slug>.yaml`. */
const ProviderSlugSchema = ProviderSchema.shape.slug;
/** A stage id of the case's provider, e.g. `stage-1`. */
const StageIdSchema = StageSchema.shape.id;

/** Something a person wrote: trimmed, not empty, and short enough to read. */
const text = (max: number) => z.string().trim().min(1).max(max);
const NameSchema = text(TEXT_MAX.name);
const LongTextSchema = text(TEXT_MAX.long);
const EmailSchema = z.email({ pattern: EMAIL_PATTERN });

export const PREFERRED_CONTACTS = ['email', 'telephone', 'post'] as const;
/** The detail each way of being contacted needs. */
const PREFERRED_CONTACT_NEEDS = {
  email: ['email', 'an email address'],
  telephone: ['phone', 'a phone number'],
  post: ['address', 'a postal address'],
} as const;

export const COMPLAINANT_ROLES = [
  'learner-or-apprentice',
  'employer',
  'parent-or-guardian',
  'member-of-the-public',
  'partner',
] as const;

/** Ways to reach a person; which of them are needed depends on how they want to be contacted. */
const ContactDetailsShape = {
  name: NameSchema,
  email: EmailSchema.optional(),
  /** As the person wrote it; UK numbers come in too many shapes to check more than this. */
  phone: text(TEXT_MAX.phone).optional(),
  /** Postal address, as one block of lines. */
  address: text(TEXT_MAX.address).optional(),
};

/** The person the complaint is about or from: the one the provider answers. */
export const ComplainantSchema = z.strictObject({
  ...ContactDetailsShape,
  /** How they want replies: the provider writes this way, to the representative when there is one. */
  preferredContact: z.enum(PREFERRED_CONTACTS),
  /** Their relationship to the provider. */
  role: z.enum(COMPLAINANT_ROLES),
  /** Some policies let the provider inform a parent or guardian of a learner under 18. */
  under18: z.boolean(),
});
export type Complainant = z.output<typeof ComplainantSchema>;

/** Someone complaining on the complainant's behalf, and the consent that lets them. */
export const RepresentativeSchema = z.strictObject({
  ...ContactDetailsShape,
  /** e.g. "parent", "friend", "advocate". */
  relationship: text(100).optional(),
  /** Why they complain for the complainant: the complainant died, cannot complain, or consented. */
  reason: RepresentativeReasonSchema,
  consent: z.strictObject({
    /** Staff have the confirmation or consent the provider's policy asks for. */
    confirmed: z.boolean(),
    /** How it was given, e.g. "signed letter", "by phone to the Business Support Manager". */
    how: text(500).optional(),
    /** The day it was recorded. */
    recordedOn: IsoDateSchema.optional(),
  }),
});
export type Representative = z.output<typeof RepresentativeSchema>;

export const COMPLAINT_SUBJECTS = [
  'organisation',
  'member-of-staff',
  'product-or-service',
  'director',
] as const;

/** What the complaint says, in the complainant's words. */
export const ComplaintSchema = z.strictObject({
  /** What it is about, in the policies' terms (CQM: "the organisation, a member of staff, a product/service, a Director of the Board"). */
  about: z.enum(COMPLAINT_SUBJECTS),
  /** The course or programme, where there is one. */
  course: text(TEXT_MAX.short).optional(),
  whatHappened: LongTextSchema,
  /** When it happened, to compare with the provider's time limit. */
  happenedOn: IsoDateSchema.optional(),
  /** Why it comes after the time limit: policies still consider late complaints. */
  lateReason: LongTextSchema.optional(),
  /** Policies ask "whether or not the issue has been raised previously on an informal basis and if so, with whom". */
  raisedInformally: z.strictObject({
    raised: z.boolean(),
    withWhom: text(TEXT_MAX.short).optional(),
  }),
  /** The remedy the complainant is seeking. */
  outcomeWanted: LongTextSchema,
});
export type Complaint = z.output<typeof ComplaintSchema>;

export const OUTCOMES = ['upheld', 'partially-upheld', 'not-upheld', 'resolved'] as const;
/** The finding a response gives; `resolved` when the complaint was settled without a finding. */
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.output<typeof OutcomeSchema>;
/** Each outcome as staff and the log read it. */
export const OUTCOME_WORDS: Record<Outcome, string> = {
  upheld: 'Upheld',
  'partially-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
  resolved: 'Resolved',
};

export const OUTCOME_DELIVERIES = ['email', 'post', 'in-person'] as const;
/** How an outcome reached the complainant: it decides the day their window to escalate starts. */
export const OutcomeDeliverySchema = z.enum(OUTCOME_DELIVERIES);
export type OutcomeDelivery = z.output<typeof OutcomeDeliverySchema>;
/** How an outcome was sent, as a staff member says it: "sent by post". */
export const DELIVERY_WORDS: Record<OutcomeDelivery, string> = {
  email: 'by email',
  post: 'by post',
  'in-person': 'in person',
};

/** 32 random bytes as base64url: too many to guess, short enough for a link. */
export const StatusTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'a status key is 43 letters, digits, "_" or "-"');

/** Every event says on which day it happened and at which stage the case was. */
const eventAt = <T extends string>(type: T) => ({
  type: z.literal(type),
  /** The Europe/London date it happened; clocks count from dates, not times. */
  on: IsoDateSchema,
  /** The stage the case was at. */
  stage: StageIdSchema,
});

/** Something that happened to the case. Only ever appended, by a person or an explicit command. */
export const CaseEventSchema = z.discriminatedUnion('type', [
  /** The complaint reached the provider; the clocks of `stage` start. */
  z.strictObject({ ...eventAt('received') }),
  /** Receipt was acknowledged to the complainant. */
  z.strictObject({ ...eventAt('acknowledged') }),
  /** An interim response explained what is being done, and (where the policy asks) when the full reply will come. */
  z.strictObject({ ...eventAt('interim-sent'), expectedBy: IsoDateSchema.optional() }),
  /** The full response, with the stage's outcome; `on` is the day it was sent. */
  z.strictObject({
    ...eventAt('responded'),
    outcome: OutcomeSchema,
    summary: LongTextSchema,
    /** How it was sent; absent on outcomes recorded before Redress asked (taken as received that day). */
    sentBy: OutcomeDeliverySchema.optional(),
  }),
  /** A posted outcome arrived on `on`: the window to escalate counts from then, not from the usual two working days. */
  z.strictObject({ ...eventAt('outcome-arrived') }),
  /** The complainant asked for the next stage; its clocks start on `on`. */
  z.strictObject({
    ...eventAt('escalated'),
    toStage: StageIdSchema,
    /** Why the complainant is dissatisfied with the outcome. */
    reason: LongTextSchema,
    /** Staff accepted a request that came after the escalation window closed, and why. */
    lateAcceptedBecause: LongTextSchema.optional(),
  }),
  /**
   * A holding reply told the complainant what will be done to investigate and, where it did, when
   * to expect the outcome (`outcomeBy`, which becomes the respond date).
   */
  z.strictObject({ ...eventAt('holding-reply-sent'), outcomeBy: IsoDateSchema.optional() }),
  /** The respond date was moved, and the complainant was told why. */
  z.strictObject({ ...eventAt('extended'), newDueBy: IsoDateSchema, reason: LongTextSchema }),
  /** The handler gave the complainant a date to expect the response (stages where the handler sets it). */
  z.strictObject({ ...eventAt('handler-set-date'), dueBy: IsoDateSchema }),
  /** The respond clock stopped, e.g. while waiting for information from the complainant. */
  z.strictObject({ ...eventAt('paused'), reason: LongTextSchema }),
  /** The respond clock started again. */
  z.strictObject({ ...eventAt('resumed') }),
  /** A complaint made in person or by telephone was written up and a copy sent to the complainant. */
  z.strictObject({ ...eventAt('written-up') }),
  /** A parent or guardian of a complainant under 18 was informed. */
  z.strictObject({ ...eventAt('guardian-informed') }),
  /** The case was closed after an outcome; a request within the escalation window reopens it. */
  z.strictObject({ ...eventAt('closed') }),
  /** The complainant withdrew the complaint. */
  z.strictObject({ ...eventAt('withdrawn'), reason: LongTextSchema.optional() }),
]);
export type CaseEvent = z.output<typeof CaseEventSchema>;
export type CaseEventType = CaseEvent['type'];

export const NOTE_KINDS = ['call', 'meeting', 'letter', 'email', 'other'] as const;

/** Dynamic Training: "brief notes of meetings and telephone calls should be kept". */
export const NoteSchema = z.strictObject({
  on: IsoDateSchema,
  kind: z.enum(NOTE_KINDS),
  /** Who wrote the note. */
  by: NameSchema,
  text: LongTextSchema,
});
export type Note = z.output<typeof NoteSchema>;

/** ACE Training's log: "Actions taken and by whom". */
export const ActionSchema = z.strictObject({
  /** When the action was agreed. */
  on: IsoDateSchema,
  /** Who takes it. */
  by: NameSchema,
  text: LongTextSchema,
  /** When it was done; empty while it is still to do. */
  doneOn: IsoDateSchema.optional(),
  /**
   * Staff marked it for the board report, where its text appears word for word (never who took
   * it): DMM will "Use the Complaints Procedure to continually review and improve its services".
   */
  reportable: z.boolean().optional(),
});
export type Action = z.output<typeof ActionSchema>;

/** Who handles the case at a stage. */
export const HandlerSchema = z.strictObject({
  stage: StageIdSchema,
  name: NameSchema,
  email: EmailSchema.optional(),
});

export const RESOLUTION_AGREED = ['yes', 'no'] as const;

/**
 * What the providers' complaints logs record beyond the complaint and its events: who took it,
 * who it went to and when, and whether it was settled. Staff fill these in as they happen.
 */
export const CaseLogSchema = z.strictObject({
  /** ACE, step 1: the "Person receiving" the complaint, who "Makes a brief written record". */
  receivedBy: NameSchema.optional(),
  /** ACE's complaints log: "Reported to", the person or role the complaint was passed to. */
  reportedTo: text(TEXT_MAX.short).optional(),
  /** Interlearn's Customer Services Log: "Referral department" (DMM: the manager's "functional area"). */
  referralDepartment: text(TEXT_MAX.short).optional(),
  /** Interlearn: "Referral manager"; DMM: "referred to (Please give name of manager and their functional area)". */
  referralManager: NameSchema.optional(),
  /** DMM's Record of Complaint: "Date referred to designated manager". */
  referredOn: IsoDateSchema.optional(),
  /** DMM's Record of Complaint: "Date receipt acknowledged by manager dealing with complaint". */
  managerAcknowledgedOn: IsoDateSchema.optional(),
  /** Interlearn: "Was a satisfactory resolution identified and agreed with the complainant". */
  resolutionAgreed: z.enum(RESOLUTION_AGREED).optional(),
  /** The day the complainant took the complaint to the body outside the provider (e.g. the ESFA), when staff know of it. */
  referredExternallyOn: IsoDateSchema.optional(),
});
export type CaseLog = z.output<typeof CaseLogSchema>;

export const CASE_STATUSES = ['open', 'closed', 'withdrawn'] as const;

/** The stored fields of a case. */
const CaseShape = {
  /** Short, unambiguous and unguessable, e.g. `CQM-261122-7K3M9Q`. */
  reference: ReferenceSchema,
  /** The provider's slug. */
  provider: ProviderSlugSchema,
  /** The instant the complaint arrived (ISO 8601 with offset); its London date starts the clocks. */
  receivedAt: z.iso.datetime({ offset: true }),
  /** How it arrived; the web form is `website`. */
  channel: ChannelSchema,
  complainant: ComplainantSchema,
  /** Present when someone complains for the complainant. */
  representative: RepresentativeSchema.optional(),
  /** Communication needs and the adjustments agreed (Equality Act 2010). */
  adjustments: LongTextSchema.optional(),
  complaint: ComplaintSchema,
  /** Area of work it concerns, for the report, e.g. "assessment", "funding". */
  category: text(100).optional(),
  /** The stage the case is at now. */
  stage: StageIdSchema,
  /** Open until closed after an outcome, or withdrawn. */
  status: z.enum(CASE_STATUSES),
  /** Who handles it, stage by stage. */
  handlers: z.array(HandlerSchema).default([]),
  /** What happened, oldest first; the clocks are worked out from these. */
  events: z.array(CaseEventSchema).min(1),
  /** Notes of calls, meetings and letters. */
  notes: z.array(NoteSchema).default([]),
  /** Actions taken as a result, and by whom. */
  actions: z.array(ActionSchema).default([]),
  /** What the provider learnt, for the report. */
  learning: LongTextSchema.optional(),
  /**
   * Staff marked the learning for the board report, where it appears word for word: write it
   * without names or anything that identifies a person.
   */
  learningReportable: z.boolean().optional(),
  /** The provider's complaints log: who took the complaint, who it was referred to and when. */
  log: CaseLogSchema.optional(),
  /**
   * The key of the complainant's private status page (`/<provider>/status/<key>`): random, not
   * derived from the reference. Delete it to revoke the link; the next acknowledgement makes another.
   */
  statusToken: StatusTokenSchema.optional(),
};

/**
 * A case's history starts with the complaint being received, once; and whoever the provider
 * replies to (the representative when there is one) has the detail their preferred contact needs.
 */
function checkStoredCase(
  stored: { events: CaseEvent[]; complainant: Complainant; representative?: Representative | undefined },
  ctx: z.RefinementCtx,
): void {
  const [field, what] = PREFERRED_CONTACT_NEEDS[stored.complainant.preferredContact];
  const replyTo = stored.representative ?? stored.complainant;
  if (replyTo[field] === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [stored.representative === undefined ? 'complainant' : 'representative', field],
      message: `give ${what}, or choose another way to be contacted`,
    });
  }
  stored.events.forEach((event, i) => {
    if ((event.type === 'received') !== (i === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['events', i, 'type'],
        message: 'the first event, and only the first, is the complaint being received',
      });
    }
  });
}

/** What people decided about a complaint. Stage and status always agree with the events. */
export const CaseSchema = z.strictObject(CaseShape).superRefine(checkStoredCase);
export type Case = z.output<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;

export const CLOCKS = [
  'acknowledge',
  'holding-reply',
  'respond',
  'interim',
  'chase',
  'write-up',
  'escalate-window',
] as const;
/** Which deadline a clock is: see src/core/clocks.ts for where each one is counted from. */
export const ClockKindSchema = z.enum(CLOCKS);
export type ClockKind = z.output<typeof ClockKindSchema>;

export const CLOCK_STATES = [
  'upcoming',
  'due-soon',
  'overdue',
  'met',
  'met-late',
  'lapsed',
  'stopped',
] as const;
/**
 * - upcoming: not met, not yet near its date (or, with no date, waiting for the handler to set one)
 * - due-soon: not met, within the provider's reminder lead time
 * - overdue: not met, and today is after its date
 * - met / met-late: done on or before / after its date
 * - lapsed: an escalation window that closed without a request (nothing is wrong)
 * - stopped: the case was closed or withdrawn before it was met; nothing more is due
 */
export const ClockStateSchema = z.enum(CLOCK_STATES);
export type ClockState = z.output<typeof ClockStateSchema>;

/** One deadline of one stage, worked out by the engine. */
export const ClockSchema = z.strictObject({
  stage: StageIdSchema,
  clock: ClockKindSchema,
  /** Missing only for a respond date the handler has not set yet. */
  dueBy: IsoDateSchema.optional(),
  state: ClockStateSchema,
  /** The day the event that met it happened. */
  metOn: IsoDateSchema.optional(),
  /** The clock is paused (since this day), so its date moves on each working day until it resumes. */
  pausedSince: IsoDateSchema.optional(),
});
export type Clock = z.output<typeof ClockSchema>;

/**
 * The case as the staff editor's list shows it (Decap's list can show only an entry's own fields):
 * for people to read, never read back by the engine.
 */
export const DerivedWordsSchema = z.strictObject({
  /** The stage the case is at, by the name the policy gives it. */
  stage: z.string(),
  /** The next clock and its date as people read it, e.g. "Acknowledge by Friday 6 November 2026". */
  nextDue: z.string(),
});
export type DerivedWords = z.output<typeof DerivedWordsSchema>;

/** What the engine works out from the stored fields. Never edited by hand. */
export const DerivedSchema = z.strictObject({
  /** Every clock of the current and past stages. */
  clocks: z.array(ClockSchema),
  /** The earliest clock with a date that is not met yet. */
  nextDue: ClockSchema.optional(),
  /** Missing from files written before Redress wrote it: the next save or sweep adds it. */
  words: DerivedWordsSchema.optional(),
});
export type Derived = z.output<typeof DerivedSchema>;

/** A case file: the stored fields and the derived block. */
export const CaseFileSchema = z
  .strictObject({ ...CaseShape, derived: DerivedSchema })
  .superRefine(checkStoredCase);
export type CaseFile = z.output<typeof CaseFileSchema>;
