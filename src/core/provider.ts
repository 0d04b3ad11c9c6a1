import { z } from 'zod';
import { NationSchema, PeriodSchema } from './period.ts';

/** The sentence of the published policy that a rule comes from, quoted exactly. */
const QuoteSchema = z.string().trim().min(1, 'quote the policy sentence this rule comes from');

/** A slug: lower-case letters, digits and single hyphens. */
const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens, like "stage-1"');

/** Somebody the public or staff can reach: a role, optionally a named person, and how to reach them. */
export const ContactSchema = z.strictObject({
  /** How stages and notices refer to this contact, e.g. `managing-director`. */
  id: SlugSchema,
  /** The role as the policy names it, e.g. "Managing Director". */
  role: z.string().min(1),
  /** The person's name where the policy publishes it. */
  name: z.string().min(1).optional(),
  email: z.email().optional(),
  /** As the policy prints it, e.g. "0208 607 7850". */
  phone: z.string().min(1).optional(),
  /** When the phone line is answered, as the policy says. */
  hours: z.string().min(1).optional(),
  /** Postal address, one line per array item. */
  address: z.array(z.string().min(1)).min(1).optional(),
});
export type Contact = z.output<typeof ContactSchema>;

export const CHANNELS = [
  'in-person',
  'telephone',
  'email',
  'post',
  'fax',
  'social-media',
  'website',
  'through-staff',
  'representative',
] as const;
/** A way a complaint may arrive. */
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.output<typeof ChannelSchema>;

/** A deadline counted from an event, with the policy sentence that promises it. */
export const ClockRuleSchema = z.strictObject({
  within: PeriodSchema,
  quote: QuoteSchema,
});
export type ClockRule = z.output<typeof ClockRuleSchema>;

/**
 * A deadline the stage handler sets case by case ("They will give the customer a specific time
 * that they will get back to them in"): the date is stored on the case, not computed.
 */
export const HandlerSetRuleSchema = z.strictObject({
  setBy: z.literal('handler'),
  quote: QuoteSchema,
});
export type HandlerSetRule = z.output<typeof HandlerSetRuleSchema>;

export const RespondRuleSchema = z.union([ClockRuleSchema, HandlerSetRuleSchema]);
export type RespondRule = z.output<typeof RespondRuleSchema>;

/** One step of the procedure: who handles it, and the clocks that run while a case is at it. */
export const StageSchema = z.strictObject({
  /** Stable id used by cases and CLI rules, e.g. `informal`, `stage-1`, `stage-2`, `final`. */
  id: SlugSchema,
  /** The stage's name as the policy writes it, e.g. "Stage 1: Frontline Resolution". */
  name: z.string().min(1),
  /** What happens at this stage, in one or two plain sentences for the public summary. */
  summary: z.string().min(1),
  /** Who handles a case at this stage. */
  handler: z.strictObject({
    role: z.string().min(1),
    /** Id of the contact a complainant writes to at this stage. */
    contact: SlugSchema,
  }),
  /** Acknowledge receipt, counted from the day the complaint (or escalation) is received. */
  acknowledge: ClockRuleSchema.optional(),
  /** Respond in full, counted from the day received; or a date the handler sets. */
  respond: RespondRuleSchema.optional(),
  /** When a full reply cannot be sent in time, an interim response is sent instead. */
  interim: z
    .strictObject({
      /** The interim response tells the complainant when the full reply can be expected. */
      tellsNewDate: z.boolean(),
      quote: QuoteSchema,
    })
    .optional(),
  /** Someone chases the handler when the case is not closed after a period. */
  chase: z
    .strictObject({
      after: PeriodSchema,
      /** Contact ids to notify. */
      notify: z.array(SlugSchema).min(1),
      quote: QuoteSchema,
    })
    .optional(),
  /** Window, counted from the day the outcome is sent, in which the complainant may ask for the next stage. */
  escalateWithin: ClockRuleSchema.optional(),
  /** Contact ids told when a clock at this stage is overdue. */
  escalationContacts: z.array(SlugSchema).default([]),
});
export type Stage = z.output<typeof StageSchema>;

export const EXCLUSION_TOPICS = [
  'assessment-decisions',
  'staff-grievances',
  'whistleblowing',
  'partner-contracts',
] as const;

/** A topic the complaints procedure does not handle, and where to go instead. */
export const ExclusionSchema = z.strictObject({
  topic: z.enum(EXCLUSION_TOPICS),
  /** The topic in the policy's words, e.g. "Assessment decisions or examination results". */
  description: z.string().min(1),
  /** The procedure that handles it instead, e.g. "Assessment Appeals Procedure". */
  routeTo: z.string().min(1),
  quote: QuoteSchema,
});
export type Exclusion = z.output<typeof ExclusionSchema>;

export const REPRESENTATIVE_REASONS = ['died', 'cannot-complain', 'consented'] as const;
export const RepresentativeReasonSchema = z.enum(REPRESENTATIVE_REASONS);

/** Who may complain for someone else, and what consent the provider needs first. */
export const RepresentativesSchema = z.strictObject({
  /** The reasons a representative may act; an empty list means any chosen representative. */
  reasons: z.array(RepresentativeReasonSchema),
  /** What confirms the representative: the complainant's written confirmation, or recorded consent. */
  consent: z.enum(['written-confirmation', 'recorded-consent', 'none']),
  /** Examples the policy gives, e.g. "a friend, parent, guardian". */
  examples: z.string().min(1).optional(),
  quote: QuoteSchema,
});

export const REPORT_CADENCES = ['quarterly', 'annual'] as const;

export const LOG_FIELD_SOURCES = [
  'receivedOn',
  'complainantRole',
  'complainantName',
  'summary',
  'receivedFrom',
  'reportedTo',
  'referralDepartment',
  'referralManager',
  'resolutionAgreed',
  'acknowledgedOn',
  'referredOn',
  'respondedOn',
  'response',
  'actions',
  'resolution',
  'closedOn',
  'area',
] as const;

/** A column of the complaints log the policy names, and which case field fills it. */
export const LogFieldSchema = z.strictObject({
  /** The column heading in the policy's words. */
  label: z.string().min(1),
  source: z.enum(LOG_FIELD_SOURCES),
});

/** A provider's complaints procedure as data: every rule beside the policy sentence it comes from. */
export const ProviderSchema = z
  .strictObject({
    slug: SlugSchema,
    name: z.string().min(1),
    /** One line for the list of providers. */
    summary: z.string().min(1),
    /** Whose bank holidays count as non-working days. */
    nation: NationSchema,
    /** How the policy defines a complaint. */
    complaintDefinition: z.strictObject({ text: z.string().min(1), quote: QuoteSchema }),
    /** How the policy tells a concern from a complaint, where it does. */
    concernDefinition: z.strictObject({ text: z.string().min(1), quote: QuoteSchema }).optional(),
    contacts: z.array(ContactSchema).min(1),
    /** Contact id told of each new case (the reference only). */
    intakeContact: SlugSchema,
    channels: z.strictObject({ accepted: z.array(ChannelSchema).min(1), quote: QuoteSchema }),
    /** How long after the event a complaint is expected; later ones are still considered. */
    timeLimit: z.strictObject({ within: PeriodSchema, quote: QuoteSchema }),
    exclusions: z.array(ExclusionSchema),
    representatives: RepresentativesSchema,
    /** What the provider may do when the complainant is under 18. */
    under18: z
      .strictObject({ rule: z.literal('may-inform-parent-or-guardian'), quote: QuoteSchema })
      .optional(),
    /** An oral complaint is written up and a copy sent within this period. */
    oralWriteUp: ClockRuleSchema.optional(),
    /** Alternative ways to complain for people with communication needs (Equality Act 2010). */
    adjustments: z.strictObject({ text: z.string().min(1), quote: QuoteSchema }).optional(),
    stages: z.array(StageSchema).min(1),
    /** Where a complainant goes after the provider's last stage. */
    external: z
      .strictObject({
        name: z.string().min(1),
        email: z.email().optional(),
        phone: z.string().min(1).optional(),
        quote: QuoteSchema,
      })
      .optional(),
    /** How long before a due date the handler is reminded. */
    reminders: z.strictObject({ dueSoon: PeriodSchema }),
    report: z.strictObject({
      cadence: z.enum(REPORT_CADENCES),
      /** Who receives the report, as the policy names them. */
      recipients: z.string().min(1),
      /** Contact ids the report is mailed to. */
      mailTo: z.array(SlugSchema).min(1),
      quote: QuoteSchema,
    }),
    /** The columns of the provider's complaints log. */
    log: z.strictObject({ name: z.string().min(1), fields: z.array(LogFieldSchema).min(1) }),
    /** Where this provider's cases are stored: a private repository, optionally a folder in it. */
    caseStore: z.strictObject({ repository: z.string().min(1), folder: z.string().min(1).optional() }),
  })
  .superRefine((provider, ctx) => {
    const contactIds = new Set(provider.contacts.map((contact) => contact.id));
    const checkContact = (id: string, path: (string | number)[]) => {
      if (!contactIds.has(id)) {
        ctx.addIssue({ code: 'custom', path, message: `no contact has the id "${id}"` });
      }
    };
    checkContact(provider.intakeContact, ['intakeContact']);
    provider.report.mailTo.forEach((id, i) => {
      checkContact(id, ['report', 'mailTo', i]);
    });
    const stageIds = new Set<string>();
    provider.stages.forEach((stage, i) => {
      if (stageIds.has(stage.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'id'],
          message: `stage id "${stage.id}" is used twice`,
        });
      }
      stageIds.add(stage.id);
      checkContact(stage.handler.contact, ['stages', i, 'handler', 'contact']);
      stage.escalationContacts.forEach((id, j) => {
        checkContact(id, ['stages', i, 'escalationContacts', j]);
      });
      stage.chase?.notify.forEach((id, j) => {
        checkContact(id, ['stages', i, 'chase', 'notify', j]);
      });
    });
  });
export type Provider = z.output<typeof ProviderSchema>;
export type ProviderInput = z.input<typeof ProviderSchema>;
