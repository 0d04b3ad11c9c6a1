import { z } from 'zod';
import { NationSchema, PeriodSchema } from './period.ts';

/** The sentence of the published policy that a rule comes from, quoted exactly. */
const QuoteSchema = z.string().trim().min(1, 'must quote the policy sentence this rule comes from');

/**
 * Why Redress reads the policy as it does ("Redress's choice: …"), beside the rule it explains.
 * For publishers and developers only: the site never shows it.
 */
const NoteSchema = z.string().trim().min(1).optional();

/** A slug: lower-case letters, digits and single hyphens. */
const SlugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must use lower-case letters, digits and single hyphens, like "stage-1"',
  );

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
  note: NoteSchema,
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
  /** How long after the event the deadline falls. */
  within: PeriodSchema,
  /**
   * The ways of complaining the clock runs for; absent when it runs for every complaint.
   * Interlearn: "Every written complaint is acknowledged within two working days".
   */
  appliesTo: z.array(ChannelSchema).min(1).optional(),
  quote: QuoteSchema,
  note: NoteSchema,
});
export type ClockRule = z.output<typeof ClockRuleSchema>;

/**
 * A deadline the stage handler sets case by case ("They will give the customer a specific time
 * that they will get back to them in"): the date is stored on the case, not computed.
 */
export const HandlerSetRuleSchema = z.strictObject({
  /** The stage handler gives the complainant the date. */
  setBy: z.literal('handler'),
  quote: QuoteSchema,
  note: NoteSchema,
});
export type HandlerSetRule = z.output<typeof HandlerSetRuleSchema>;

/**
 * Respond in full: by a period the policy fixes, or by a date the handler sets for each case. A
 * period may be for the investigation rather than a reply (Interlearn: "Investigations into
 * written complaints are held within 28 days"): the public pages then say so.
 */
export const RespondRuleSchema = z.union([
  ClockRuleSchema.extend({
    /** The period is for the investigation, not for a full reply. */
    investigation: z.boolean().optional(),
  }),
  HandlerSetRuleSchema,
]);
export type RespondRule = z.output<typeof RespondRuleSchema>;

/** One step of the procedure: who handles it, and the clocks that run while a case is at it. */
export const StageSchema = z.strictObject({
  /** Stable id used by cases and CLI rules, e.g. `informal`, `stage-1`, `stage-2`, `final`. */
  id: SlugSchema,
  /** The stage's name as the policy writes it, e.g. "Stage 1: Frontline Resolution". */
  name: z.string().min(1),
  /** What happens at this stage, in one or two plain sentences for the public summary. */
  summary: z.string().min(1),
  /** The policy sentence that sets up this stage. */
  quote: QuoteSchema.optional(),
  /** An informal step before the formal procedure: raised directly, not logged as a case. */
  informal: z.boolean().default(false),
  /** Who handles a case at this stage. */
  handler: z.strictObject({
    /** The handler's role as the policy names it, e.g. "Managing Director". */
    role: z.string().min(1),
    /** Id of the contact a complainant writes to at this stage; absent when the policy gives none. */
    contact: SlugSchema.optional(),
    note: NoteSchema,
  }),
  /** Acknowledge receipt, counted from the day the complaint (or escalation) is received. */
  acknowledge: ClockRuleSchema.optional(),
  /**
   * A first reply saying what will be done to investigate, due before the outcome: its own clock,
   * met by a holding reply (or by the outcome itself). CQM: "The Chief Executive will respond
   * normally within 15 working days to inform you of the action which will be taken to investigate
   * your complaint, and when you can expect to hear the outcome of the investigation."
   */
  holdingReply: z
    .strictObject({
      /** How long after the stage starts the holding reply is due. */
      within: PeriodSchema,
      /** The reply says when the outcome can be expected: that date becomes the respond clock. */
      tellsOutcomeDate: z.boolean(),
      quote: QuoteSchema,
      note: NoteSchema,
    })
    .optional(),
  /** Respond in full, counted from the day received; or a date the handler sets. */
  respond: RespondRuleSchema.optional(),
  /** When a full reply cannot be sent in time, an interim response is sent instead. */
  interim: z
    .strictObject({
      /** The interim response tells the complainant when the full reply can be expected. */
      tellsNewDate: z.boolean(),
      quote: QuoteSchema,
      note: NoteSchema,
    })
    .optional(),
  /**
   * The complainant is told of any delay, with the date the full response can now be expected.
   * DMM: "the complainant will be advised of any delay".
   */
  delayNotice: z.strictObject({ quote: QuoteSchema, note: NoteSchema }).optional(),
  /** Someone chases the handler when the case is not closed after a period. */
  chase: z
    .strictObject({
      /** How long after the stage starts the chase is due, if the case is not closed by then. */
      after: PeriodSchema,
      /** Contact ids to notify. */
      notify: z.array(SlugSchema).min(1),
      quote: QuoteSchema,
      note: NoteSchema,
    })
    .optional(),
  /** Window, counted from the day the outcome is sent, in which the complainant may ask for the next stage. */
  escalateWithin: ClockRuleSchema.optional(),
  /** Contact ids told when a clock at this stage is overdue. */
  escalationContacts: z.array(SlugSchema).default([]),
  /**
   * Who may not handle this stage, beyond the handler of the stage before it (never allowed):
   * `earlier-stages` excludes everyone who handled any earlier stage, as an appeal heard afresh.
   */
  independence: z
    .strictObject({ excludes: z.literal('earlier-stages'), quote: QuoteSchema, note: NoteSchema })
    .optional(),
  /** Why Redress reads the stage as it does, where no one rule of it says (a clock it leaves out). */
  note: NoteSchema,
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
  /** What kind of matter is excluded. */
  topic: z.enum(EXCLUSION_TOPICS),
  /** The topic in the policy's words, e.g. "Assessment decisions or examination results". */
  description: z.string().min(1),
  /** The procedure that handles it instead, e.g. "Assessment Appeals Procedure". */
  routeTo: z.string().min(1),
  quote: QuoteSchema,
  note: NoteSchema,
});
export type Exclusion = z.output<typeof ExclusionSchema>;

export const REPRESENTATIVE_REASONS = ['died', 'cannot-complain', 'consented'] as const;
export const RepresentativeReasonSchema = z.enum(REPRESENTATIVE_REASONS);
export type RepresentativeReason = z.output<typeof RepresentativeReasonSchema>;

/** Who may complain for someone else, and what consent the provider needs first. */
export const RepresentativesSchema = z.strictObject({
  /** The reasons a representative may act; an empty list means any chosen representative. */
  reasons: z.array(RepresentativeReasonSchema),
  /** What confirms the representative: the complainant's written confirmation, or recorded consent. */
  consent: z.enum(['written-confirmation', 'recorded-consent', 'none']),
  /** Examples the policy gives, e.g. "a friend, parent, guardian". */
  examples: z.string().min(1).optional(),
  quote: QuoteSchema,
  note: NoteSchema,
});
export type Representatives = z.output<typeof RepresentativesSchema>;

export const REPORT_CADENCES = ['quarterly', 'annual'] as const;

/**
 * When a complainant may go to the body outside the provider, as the policy says: only once the
 * provider's last stage has its outcome (CQM: "If the individual or organisation is unhappy with
 * the outcome from the Chair"), or at any time, where the policy sets no condition (ACE: "The
 * customer also has the right to contact the Education & Skills Funding Agency").
 */
export const EXTERNAL_WHEN = ['after-last-stage', 'any-time'] as const;
export type ExternalWhen = (typeof EXTERNAL_WHEN)[number];

export const LOG_FIELD_SOURCES = [
  'receivedOn',
  'complainantRole',
  'complainantName',
  'complainantAddress',
  'complainantPhone',
  'course',
  'summary',
  'receivedFrom',
  'receivedBy',
  'reportedTo',
  'referralDepartment',
  'referralManager',
  'resolutionAgreed',
  'acknowledgedOn',
  'referredOn',
  'handlerAcknowledgedOn',
  'respondedOn',
  'response',
  'actions',
  'resolution',
  'closedOn',
  'area',
  'progress',
  'notes',
] as const;

/** A column of the complaints log the policy names, and which case field fills it. */
export const LogFieldSchema = z.strictObject({
  /** The column heading in the policy's words. */
  label: z.string().min(1),
  /** The case field that fills the column. */
  source: z.enum(LOG_FIELD_SOURCES),
  note: NoteSchema,
});
export type LogField = z.output<typeof LogFieldSchema>;

/** A rule in the policy's words, with a plain-English version. */
const StatementSchema = z.strictObject({
  /** The rule in plain words. */
  text: z.string().min(1),
  quote: QuoteSchema,
  note: NoteSchema,
});

/** The complaints log the policy asks for: its name, its columns and who keeps it. */
export const LogSchema = z.strictObject({
  /** The log's name in the policy's words, e.g. "Customer Services Log". */
  name: z.string().min(1),
  /** Contact id of whoever the policy makes responsible for the log. */
  keptBy: SlugSchema.optional(),
  fields: z.array(LogFieldSchema).min(1),
  /** What else the policy asks to be kept with the log, e.g. notes of calls and meetings. */
  practice: z.array(StatementSchema).default([]),
  quote: QuoteSchema,
  note: NoteSchema,
});

/** One row of a procedure table: who does what when a complaint is received, and the document it makes. */
export const ProcedureStepSchema = z.strictObject({
  /** The role that does it, e.g. "Operations Director". */
  actionBy: z.string().min(1),
  /** What they do, in the policy's words. */
  procedure: QuoteSchema,
  /** The document it produces, e.g. "Log Standard letter". */
  document: z.string().min(1),
});

/** A provider's complaints procedure as data: every rule beside the policy sentence it comes from. */
export const ProviderSchema = z
  .strictObject({
    /** The file name without `.yaml`, and the provider's address on the site. */
    slug: SlugSchema,
    /** The provider's name as the policy writes it. */
    name: z.string().min(1),
    /** How the file was read from the policy as a whole, and what it leaves out and why. */
    note: NoteSchema,
    /** One line for the list of providers. */
    summary: z.string().min(1),
    /** Whose bank holidays count as non-working days. */
    nation: NationSchema,
    /** How the policy defines a complaint; absent when it gives no definition. */
    complaintDefinition: StatementSchema.optional(),
    /** How the policy tells a concern from a complaint, where it does. */
    concernDefinition: StatementSchema.optional(),
    /** Everyone the procedure names: stages, notices and reports refer to them by id. */
    contacts: z.array(ContactSchema).min(1),
    /**
     * Where staff notices go (a new case, an overdue clock, a case the sweep cannot read): the
     * provider's case team, apart from the contacts the public sees. Absent when the policy gives no
     * address; `complaints doctor` then reports it, and a deployment can set it (`CASE_TEAM_EMAILS`).
     */
    caseTeam: z
      .strictObject({
        /** Every address a staff notice is sent to. */
        emails: z.array(z.email()).min(1),
        /** The policy sentence that names the address, where it does. */
        quote: QuoteSchema.optional(),
        /** Why Redress chose the address, where the policy names none ("Redress's choice: …"). */
        note: NoteSchema,
      })
      .refine((team) => team.quote !== undefined || team.note !== undefined, {
        message:
          'must quote the policy sentence that names the address, or say in a note why Redress chose it',
      })
      .optional(),
    /** The ways a complaint may be made. */
    channels: z.strictObject({
      accepted: z.array(ChannelSchema).min(1),
      quote: QuoteSchema,
      note: NoteSchema,
    }),
    /** How long after the event a complaint is expected; later ones are still considered. Absent when the policy sets none. */
    timeLimit: ClockRuleSchema.omit({ appliesTo: true }).optional(),
    /** Matters the procedure does not handle, and where they go instead. */
    exclusions: z.array(ExclusionSchema).default([]),
    /** Who may complain for someone else; absent when the policy does not say. */
    representatives: RepresentativesSchema.optional(),
    /** What the provider may do when the complainant is under 18. */
    under18: z
      .strictObject({
        /** The provider may have to tell the learner's parent or guardian. */
        rule: z.literal('may-inform-parent-or-guardian'),
        quote: QuoteSchema,
        note: NoteSchema,
      })
      .optional(),
    /** An oral complaint is written up and a copy sent within this period. */
    oralWriteUp: ClockRuleSchema.optional(),
    /** Support or alternative ways to complain, e.g. for people with communication needs (Equality Act 2010). */
    adjustments: StatementSchema.optional(),
    /** The stages in order: a complainant unhappy with one stage's outcome goes on to the next. */
    stages: z.array(StageSchema).min(1),
    /** The steps staff follow when a complaint is received, where the policy sets them out as a table. */
    procedureSteps: z.array(ProcedureStepSchema).optional(),
    /** Where a complainant goes after the provider's last stage. */
    external: z
      .strictObject({
        /** The body's name as the policy writes it. */
        name: z.string().min(1),
        /** When the policy lets the complainant go to it. */
        when: z.enum(EXTERNAL_WHEN),
        email: z.email().optional(),
        /** As the policy prints it. */
        phone: z.string().min(1).optional(),
        quote: QuoteSchema,
        note: NoteSchema,
      })
      .optional(),
    /** How long before a due date the handler is reminded: Redress's setting, not the policy's. */
    reminders: z.strictObject({ dueSoon: PeriodSchema, note: NoteSchema }),
    /** The periodic report the policy promises; absent when it promises none. */
    report: z
      .strictObject({
        /** How often the report is made. */
        cadence: z.enum(REPORT_CADENCES),
        /** Who receives the report, as the policy names them. */
        recipients: z.string().min(1),
        /** Who prepares the report, where the policy says. */
        preparedBy: z.string().min(1).optional(),
        /** The policy asks for the report to be anonymised. */
        anonymised: z.boolean().default(false),
        /** Contact ids the report is mailed to. */
        mailTo: z.array(SlugSchema).min(1),
        quote: QuoteSchema,
        note: NoteSchema,
      })
      .optional(),
    /** The provider's complaints log. */
    log: LogSchema,
    /** Where this provider's cases are stored: a private repository, optionally a folder in it. */
    caseStore: z.strictObject({
      /** The private repository's name, e.g. `redress-cases`. */
      repository: z.string().min(1),
      /** A folder inside it, when several providers share one repository. */
      folder: z.string().min(1).optional(),
    }),
    /**
     * How long a closed case keeps its personal data: Redress's choice where the policy states none
     * (none of the published policies does). Past it, names, contact details and everything a
     * person wrote are removed, from the case store's history too; the anonymous facts stay.
     */
    retention: z.strictObject({
      /** Whole years after the day the case was closed or withdrawn. */
      yearsAfterClosure: z.number().int().positive(),
      /** Why this long, in plain words: the privacy notice shows it. */
      reason: z.string().min(1),
      note: NoteSchema,
    }),
  })
  .superRefine((provider, ctx) => {
    const contactIds = new Set(provider.contacts.map((contact) => contact.id));
    const checkContact = (id: string, path: (string | number)[]) => {
      if (!contactIds.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `must be the id of one of the contacts (found "${id}")`,
        });
      }
    };
    if (provider.log.keptBy !== undefined) checkContact(provider.log.keptBy, ['log', 'keptBy']);
    const accepted = new Set(provider.channels.accepted);
    const checkChannels = (
      rule: { appliesTo?: Channel[] | undefined } | undefined,
      path: (string | number)[],
    ) => {
      rule?.appliesTo?.forEach((channel, i) => {
        if (!accepted.has(channel)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'appliesTo', i],
            message: `must be one of the channels in channels.accepted (found "${channel}")`,
          });
        }
      });
    };
    provider.report?.mailTo.forEach((id, i) => {
      checkContact(id, ['report', 'mailTo', i]);
    });
    const stageIndex = new Map<string, number>();
    provider.stages.forEach((stage, i) => {
      const first = stageIndex.get(stage.id);
      if (first === undefined) {
        stageIndex.set(stage.id, i);
      } else {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'id'],
          message: `must be unique, but stages[${first}] already has the id "${stage.id}"`,
        });
      }
      if (stage.handler.contact !== undefined) {
        checkContact(stage.handler.contact, ['stages', i, 'handler', 'contact']);
      }
      checkChannels(stage.acknowledge, ['stages', i, 'acknowledge']);
      checkChannels(stage.respond !== undefined && 'within' in stage.respond ? stage.respond : undefined, [
        'stages',
        i,
        'respond',
      ]);
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
