import { DEFAULTS } from '../src/composition/defaults.ts';
import {
  type Case,
  type CaseEventType,
  CaseSchema,
  DELIVERY_WORDS,
  DerivedSchema,
  OUTCOME_WORDS,
} from '../src/core/case.ts';
import type { Provider } from '../src/core/provider.ts';
import {
  type DecapField,
  type FieldOverride,
  fieldFor,
  fieldsFor,
  type JsonSchema,
  toJsonSchema,
} from './decap-fields.ts';

/**
 * The staff case editor at `/cases/<slug>/`: one Decap CMS per provider over that provider's
 * cases, generated from `CaseSchema` and the provider's own stages.
 */

/** The custom widget that shows the engine's clocks and never writes them. */
export const DERIVED_WIDGET = 'derived-clocks';
/** The custom widget that shows a case's reference, given on first save and never edited. */
export const REFERENCE_WIDGET = 'case-reference';
/** The custom widget that shows a case's stage or status by name: worked out from the events on save. */
export const POSITION_WIDGET = 'case-position';

/** How each status reads. */
export const STATUS_LABELS: Record<Case['status'], string> = {
  open: 'Open',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

/**
 * Fields the editor fills in on save, so the form does not ask staff for them: the reference (on
 * the first save), stage and status (worked out from the events by the decider), the "received"
 * event that starts the clocks, and the derived block.
 */
export const FILLED_ON_SAVE = ['reference', 'stage', 'status', 'events', 'derived'] as const;

/**
 * The stored fields in the order a handler works through a case: how it arrived; who complains
 * (the complainant with their under-18 flag, the representative and consent, adjustments); the
 * complaint; stage, status and handlers; the complaints log (who took it, who it was referred to);
 * what happened (events, the responses carrying each stage's outcome); notes of calls and meetings;
 * actions and by whom; learning, and whether the board report shows it. The engine's
 * clocks come last, read-only.
 */
export const CASE_FIELD_ORDER = [
  'reference',
  'provider',
  'receivedAt',
  'channel',
  'complainant',
  'representative',
  'adjustments',
  'complaint',
  'category',
  'stage',
  'status',
  'handlers',
  'log',
  'events',
  'notes',
  'actions',
  'learning',
  'learningReportable',
  'statusToken',
  'derived',
] as const;

/** How each event reads in the editor's "add" menu and its list. */
export const EVENT_LABELS: Record<CaseEventType, string> = {
  received: 'Complaint received',
  acknowledged: 'Acknowledgement sent',
  'interim-sent': 'Interim response sent',
  responded: 'Full response sent, with the outcome',
  'outcome-arrived': 'Posted outcome arrived',
  escalated: 'Escalated to the next stage',
  'holding-reply-sent': 'Holding reply sent (what will be done, and when)',
  extended: 'Response date extended',
  'handler-set-date': 'Handler gave a response date',
  paused: 'Response clock paused',
  resumed: 'Response clock resumed',
  'written-up': 'Oral complaint written up and copy sent',
  'guardian-informed': 'Parent or guardian informed',
  closed: 'Case closed',
  withdrawn: 'Complaint withdrawn',
};

/**
 * A date in a list item's summary as people read it, "Friday 6 November 2026" (as `longDate` writes
 * it): Decap's `date` filter formats with dayjs.
 */
export const READABLE_DATE = "date('dddd D MMMM YYYY')";

/** Plain words for the fields whose names alone would not say enough. */
const HINTS: Partial<Record<(typeof CASE_FIELD_ORDER)[number], string>> = {
  reference: 'Given when the case is first saved; read it out to a complainant on the phone.',
  receivedAt: 'When the complaint reached the provider: its date starts the clocks.',
  representative: 'Only when someone complains for the complainant.',
  adjustments: 'Communication needs and the adjustments agreed (Equality Act 2010).',
  events: 'Add what happened, oldest first: the clocks are worked out from these.',
  learningReportable:
    'Tick to include the learning, word for word, in the anonymised board report: write it without names or anything that identifies a person.',
  log: 'What the complaints log records: who took the complaint, who it was referred to and when, and whether a resolution was agreed.',
  statusToken: "The key of the complainant's private status link. Delete it to stop the link working.",
  derived: 'Worked out by Redress from the events; it cannot be edited here.',
  stage: 'Worked out from the events when the case is saved: to move it on, add an "escalated" event.',
  status: 'Worked out from the events when the case is saved: to close the case, add a "case closed" event.',
};

/** Production backend settings; the local backend needs none. */
export interface CaseEditorOptions {
  /** The GitHub owner of the case repository, when the provider file writes only its name. */
  owner?: string | undefined;
  /** The branch cases are committed to. */
  branch?: string | undefined;
  /** Where the GitHub OAuth client runs (Decap's `base_url`), when not Decap's default. */
  authBaseUrl?: string | undefined;
}

/** The GitHub repository Decap signs in to: `owner/name`. */
export function caseRepository(provider: Provider, owner: string | undefined): string {
  const { repository } = provider.caseStore;
  return repository.includes('/') || owner === undefined ? repository : `${owner}/${repository}`;
}

/** The first stage a case can be at: the informal step is raised directly, not logged. */
export function firstFormalStage(provider: Provider): string {
  return (provider.stages.find((stage) => !stage.informal) ?? provider.stages[0])?.id ?? '';
}

/** The Decap fields of a case: every stored field, generated from `CaseSchema`, and the derived block. */
export function buildCaseFields(provider: Provider): DecapField[] {
  // Staff pick a stage by the name the policy gives it; the file keeps its id.
  const stageOptions = provider.stages.map((stage) => ({ label: stage.name, value: stage.id }));
  const override: FieldOverride = (name, schema, path) => {
    const top = path.length === 1;
    if (top && name === 'reference') {
      return { name, label: 'Reference', widget: REFERENCE_WIDGET, required: false };
    }
    if (top && name === 'provider') {
      return { name, label: 'Provider', widget: 'hidden', required: true, default: provider.slug };
    }
    if (top && name === 'events') return undefined;
    if (top && name === 'stage') {
      const labels = Object.fromEntries(provider.stages.map((stage) => [stage.id, stage.name]));
      return {
        name,
        label: 'Stage',
        widget: POSITION_WIDGET,
        required: false,
        default: firstFormalStage(provider),
        labels,
      };
    }
    if (top && name === 'status') {
      return {
        name,
        label: 'Status',
        widget: POSITION_WIDGET,
        required: false,
        default: 'open',
        labels: STATUS_LABELS,
      };
    }
    // A stage id is one of this provider's stages.
    if ((name === 'stage' || name === 'toStage') && schema.pattern !== undefined) {
      const preset = top ? { default: firstFormalStage(provider) } : {};
      return {
        name,
        label: name === 'stage' ? 'Stage' : 'To stage',
        widget: 'select',
        options: stageOptions,
        required: true,
        ...preset,
      };
    }
    return undefined;
  };
  const fields = fieldsFor(toJsonSchema(CaseSchema), override);
  const byName = new Map(fields.map((field) => [field.name, field]));
  return [
    ...CASE_FIELD_ORDER.filter((name) => name !== 'derived').map((name) => {
      const field = byName.get(name);
      if (field === undefined) throw new Error(`CaseSchema has no field "${name}"`);
      return inPlace(withOptionWords(decorate(field, provider)));
    }),
    inPlace(derivedField(toJsonSchema(DerivedSchema), override)),
  ];
}

/**
 * Every list of a case keeps its items where they were added: events are facts in the order they
 * happened (the decider replays them so), and the preview sorts notes and actions by date. Without
 * reordering, Decap leaves out the drag handle it gives each item, which has no accessible name
 * (WCAG 4.1.2, axe's aria-command-name). An item of a list of several kinds (events, handlers)
 * follows its kind's setting, not the list's.
 */
function inPlace(field: DecapField): DecapField {
  const list = field.widget === 'list';
  return {
    ...field,
    ...(field.fields === undefined ? {} : { fields: field.fields.map(inPlace) }),
    ...(field.types === undefined
      ? {}
      : { types: field.types.map((type) => ({ ...inPlace(type), allow_reorder: false })) }),
    ...(list ? { allow_reorder: false } : {}),
  };
}

/** Selects whose values staff pick by their words; the file keeps the value. */
const OPTION_WORDS: Record<string, Record<string, string>> = {
  outcome: OUTCOME_WORDS,
  sentBy: DELIVERY_WORDS,
};

function withOptionWords(field: DecapField): DecapField {
  const words = OPTION_WORDS[field.name];
  return {
    ...field,
    ...(words !== undefined && field.options !== undefined
      ? {
          options: field.options.map((option) =>
            typeof option === 'string' ? { label: words[option] ?? option, value: option } : option,
          ),
        }
      : {}),
    ...(field.fields === undefined ? {} : { fields: field.fields.map(withOptionWords) }),
    ...(field.types === undefined ? {} : { types: field.types.map(withOptionWords) }),
  };
}

/** Labels, hints and the defaults of a new case taken by phone. */
function decorate(field: DecapField, provider: Provider): DecapField {
  const hint = HINTS[field.name as keyof typeof HINTS];
  const withHint = hint === undefined ? field : { ...field, hint };
  switch (field.name) {
    case 'channel':
      return {
        ...withHint,
        default: provider.channels.accepted.includes('telephone')
          ? 'telephone'
          : provider.channels.accepted[0],
      };
    case 'receivedAt':
      // Decap's datetime widget fills in the moment the form opens: a call is logged as it is taken.
      return { ...withHint, default: '{{now}}' };
    case 'events':
      return {
        ...withHint,
        required: !FILLED_ON_SAVE.includes('events'),
        types: withHint.types?.map((type) => ({
          ...type,
          label: EVENT_LABELS[type.name as CaseEventType] ?? type.label,
          summary: `{{on | ${READABLE_DATE}}} · ${EVENT_LABELS[type.name as CaseEventType] ?? type.label}`,
        })),
      };
    case 'notes':
      return {
        ...withHint,
        label: 'Notes of calls, meetings and letters',
        summary: `{{on | ${READABLE_DATE}}} · {{kind}} · {{by}}`,
      };
    case 'actions':
      return {
        ...withHint,
        label: 'Actions and by whom',
        summary: `{{on | ${READABLE_DATE}}} · {{by}}: {{text}}`,
        hint: 'Tick "reportable" to include an action, word for word and without who took it, in the anonymised board report.',
      };
    case 'learningReportable':
      return { ...withHint, label: 'Learning is reportable' };
    case 'log':
      return { ...withHint, label: 'Complaints log' };
    case 'handlers': {
      // One kind of item per stage, keyed by its id: staff add a handler by the stage's name, and
      // the item's summary names it (a summary can show only the item's own fields, so not a name
      // looked up from its stage id).
      const { fields = [], ...list } = withHint;
      const perHandler = fields.filter((handler) => handler.name !== 'stage');
      return {
        ...list,
        label: 'Handlers, stage by stage',
        typeKey: 'stage',
        types: provider.stages.map((stage) => ({
          name: stage.id,
          label: stage.name,
          widget: 'object',
          summary: `${stage.name}: {{name}}`,
          fields: perHandler,
        })),
      };
    }
    default:
      return withHint;
  }
}

/**
 * The derived block: shown by a widget that never calls `onChange`, so a save writes back exactly
 * what the engine last wrote. Its `fields` describe the block so list views can sort and filter
 * on `derived.nextDue.*`.
 */
function derivedField(derived: JsonSchema, override: FieldOverride): DecapField {
  return {
    ...fieldFor('derived', derived, false, override),
    widget: DERIVED_WIDGET,
    label: 'Clocks (worked out by Redress)',
    hint: HINTS.derived ?? '',
  };
}

/** The whole Decap config of a provider's case editor. */
export function buildCaseConfig(provider: Provider, options: CaseEditorOptions = {}) {
  const folder = provider.caseStore.folder ?? provider.slug;
  return {
    load_config_file: false,
    local_backend: { url: `http://localhost:${DEFAULTS.caseEditorBackendPort}/api/v1` },
    backend: {
      name: 'github',
      repo: caseRepository(provider, options.owner),
      branch: options.branch ?? DEFAULTS.branch,
      ...(options.authBaseUrl === undefined ? {} : { base_url: options.authBaseUrl }),
      commit_messages: {
        create: 'Log case {{slug}}',
        update: 'Update case {{slug}}',
        delete: 'Delete case {{slug}}',
        uploadMedia: 'Upload {{path}}',
        deleteMedia: 'Delete {{path}}',
      },
    },
    site_url: `/${provider.slug}/`,
    // Decap requires a media folder; cases keep no uploads, so it is the provider's own folder.
    media_folder: `${folder}/files`,
    collections: [
      {
        name: 'cases',
        label: `${provider.name}: cases`,
        label_singular: 'case',
        description:
          'Open a case to record what happened; add a case for a complaint taken by phone, post, in person or social media.',
        folder,
        // Per-year folders keep the list small: Decap reads every entry of a folder to sort or filter.
        // Decap fills `{{year}}` with the year the case is logged (it ignores filters in paths and
        // writes the slug in lower case); casePath names a case the same way.
        path: '{{year}}/{{slug}}',
        slug: '{{reference}}',
        identifier_field: 'reference',
        extension: 'yaml',
        format: 'yaml',
        create: true,
        delete: false,
        // The stage by name and the next date in words: the engine writes them beside the clocks.
        summary: '{{reference}} — {{derived.words.stage}} — {{status}} — {{derived.words.nextDue}}',
        sortable_fields: ['receivedAt', 'derived.nextDue.dueBy', 'stage'],
        view_filters: [
          { label: 'Open', field: 'status', pattern: '^open$' },
          { label: 'Closed', field: 'status', pattern: '^(closed|withdrawn)$' },
          { label: 'Overdue', field: 'derived.nextDue.state', pattern: '^overdue$' },
          { label: 'Due soon', field: 'derived.nextDue.state', pattern: '^due-soon$' },
          ...provider.stages.map((stage) => ({
            label: stage.name,
            field: 'stage',
            pattern: `^${stage.id}$`,
          })),
        ],
        view_groups: [
          { label: 'Stage', field: 'derived.words.stage' },
          { label: 'Status', field: 'status' },
          { label: 'Due state', field: 'derived.nextDue.state' },
        ],
        fields: buildCaseFields(provider),
      },
    ],
  };
}
export type CaseConfig = ReturnType<typeof buildCaseConfig>;
