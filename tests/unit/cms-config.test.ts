import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAdminConfig } from '../../cms/admin-config.ts';
import { buildCaseConfig, CASE_FIELD_ORDER, EVENT_LABELS, FILLED_ON_SAVE } from '../../cms/case-config.ts';
import type { DecapField } from '../../cms/decap-fields.ts';
import { PROVIDER_FILE_FORMAT } from '../../cms/provider-file-format.ts';
import { CaseFileSchema, CaseSchema } from '../../src/core/case.ts';
import { PolicySchema } from '../../src/core/policy.ts';
import { type Provider, ProviderSchema } from '../../src/core/provider.ts';
import { fixtureProviders } from '../support/fixtures.ts';

/**
 * The editors' configs are generated from the core schemas; these tests walk the schema and the
 * config side by side, independently of the generator, so a schema change the generator mishandles
 * (a field left out, a required flag lost, an option missing) fails here.
 */

interface Node {
  type?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  default?: unknown;
  oneOf?: Node[];
  anyOf?: Node[];
}

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Node;

const providers: Provider[] = await fixtureProviders();

/** What a schema node's editor must offer, given what the test knows of the provider. */
interface Expectations {
  /** Options of a select over a field's name, when they come from the provider rather than the schema. */
  optionsFor: (name: string) => unknown[] | undefined;
  /** Fields the editor does not ask for, at the top level. */
  notAsked: readonly string[];
}

/** Every property of an object node, whichever variant of a union it comes from. */
function propertiesOf(node: Node): [Record<string, Node>, Set<string>] {
  const variants = node.oneOf ?? node.anyOf;
  if (variants === undefined) return [node.properties ?? {}, new Set(node.required ?? [])];
  const properties: Record<string, Node> = {};
  for (const variant of variants) Object.assign(properties, variant.properties);
  const required = Object.keys(properties).filter((name) =>
    variants.every((v) => v.required?.includes(name)),
  );
  return [properties, new Set(required)];
}

/** Every value the variants of a union give a literal property, when it is a literal in one of them. */
function literalValues(node: Node, name: string): unknown[] | undefined {
  const variants = node.oneOf ?? node.anyOf;
  if (variants === undefined) return undefined;
  const values = variants
    .map((variant) => variant.properties?.[name]?.const)
    .filter((value) => value !== undefined);
  return values.length > 0 ? values : undefined;
}

/**
 * `optionalGroup`: inside a group that may be left out, no field is marked required (Decap would
 * check them in a group nobody opened); the schema check on save says what a filled-in group needs.
 */
function expectAgreement(
  node: Node,
  fields: readonly DecapField[],
  path: string,
  want: Expectations,
  optionalGroup = false,
): void {
  const [properties, required] = propertiesOf(node);
  expect(fields.map((field) => field.name).toSorted(), `fields of ${path || 'the file'}`).toEqual(
    Object.keys(properties).toSorted(),
  );
  for (const [name, property] of Object.entries(properties)) {
    const field = fields.find((candidate) => candidate.name === name) as DecapField;
    const where = path === '' ? name : `${path}.${name}`;
    if (!(path === '' && want.notAsked.includes(name)) && field.widget !== 'hidden') {
      expect(field.required, `${where} required`).toBe(
        !optionalGroup && required.has(name) && property.default === undefined,
      );
    }
    // What is filled in on save is shown, not asked for: its widget is checked on its own below.
    if (path === '' && want.notAsked.includes(name)) continue;
    const literals = literalValues(node, name);
    const fromProvider = want.optionsFor(name);
    if (literals !== undefined) {
      expect(field.options, `${where} options`).toEqual(literals);
    } else if (property.const !== undefined) {
      expect([field.widget, field.default], `${where} is fixed`).toEqual(['hidden', property.const]);
    } else if (fromProvider !== undefined) {
      expect([field.widget, field.options], `${where} options`).toEqual(['select', fromProvider]);
    } else if (property.enum !== undefined) {
      expect([field.widget, field.options], `${where} options`).toEqual(['select', property.enum]);
    } else if (property.format === 'date') {
      expect([field.widget, field.format, field.time_format], `${where} is a date`).toEqual([
        'datetime',
        'YYYY-MM-DD',
        false,
      ]);
    } else if (property.type === 'boolean') {
      expect(field.widget, `${where} widget`).toBe('boolean');
    } else if (property.type === 'object' || property.oneOf !== undefined || property.anyOf !== undefined) {
      const notAsked = path === '' && want.notAsked.includes(name);
      expectAgreement(
        property,
        field.fields ?? [],
        where,
        want,
        optionalGroup || notAsked || !required.has(name),
      );
    } else if (property.type === 'array') {
      // A list's items are checked only when there are some, so an optional list is no optional group.
      expectListAgreement(property.items ?? {}, field, where, want, optionalGroup);
    }
  }
}

function expectListAgreement(
  items: Node,
  field: DecapField,
  where: string,
  want: Expectations,
  optionalGroup: boolean,
): void {
  const variants = items.oneOf ?? items.anyOf;
  const types = literalValues(items, 'type');
  if (variants !== undefined && types?.length === variants.length) {
    expect(field.typeKey).toBe('type');
    expect(
      field.types?.map((type) => type.name),
      `${where} types`,
    ).toEqual(types);
    variants.forEach((variant, i) => {
      const { type: _type, ...rest } = variant.properties ?? {};
      expectAgreement(
        { ...variant, properties: rest },
        field.types?.[i]?.fields ?? [],
        `${where}[${String(types[i])}]`,
        want,
        optionalGroup,
      );
    });
  } else if (items.enum !== undefined) {
    expect([field.widget, field.multiple, field.options], `${where} options`).toEqual([
      'select',
      true,
      items.enum,
    ]);
  } else if (field.typeKey !== undefined && want.optionsFor(field.typeKey) !== undefined) {
    // One kind of item per stage, stored under its id and added by its name: the item's own
    // fields are the rest of the schema's.
    const key = field.typeKey;
    const { [key]: keyed, ...rest } = items.properties ?? {};
    expect(keyed, `${where} is keyed by ${key}`).toBeDefined();
    expect(
      field.types?.map((type) => ({ label: type.label, value: type.name })),
      `${where} types`,
    ).toEqual(want.optionsFor(key));
    for (const type of field.types ?? []) {
      expectAgreement(
        { ...items, properties: rest, required: items.required?.filter((name) => name !== key) },
        type.fields ?? [],
        `${where}[${type.name}]`,
        want,
        optionalGroup,
      );
    }
  } else if (items.type === 'object' || variants !== undefined) {
    expect(field.widget).toBe('list');
    expectAgreement(items, field.fields ?? [], `${where}[]`, want, optionalGroup);
  } else {
    expect([field.widget, field.field?.widget], `${where} is a list of text`).toEqual(['list', 'string']);
  }
}

const noneFromProvider: Expectations = { optionsFor: () => undefined, notAsked: [] };

describe('the staff case editor', () => {
  it.each(providers.map((provider) => [provider.slug, provider] as const))(
    '%s: asks for every field of a case file as the schema says, stages from the provider',
    (_slug, provider) => {
      const [collection] = buildCaseConfig(provider).collections;
      // Picked by name, stored by id.
      const stages = provider.stages.map((stage) => ({ label: stage.name, value: stage.id }));
      expectAgreement(jsonSchema(CaseFileSchema), collection?.fields ?? [], '', {
        optionsFor: (name) => (name === 'stage' || name === 'toStage' ? stages : undefined),
        notAsked: FILLED_ON_SAVE,
      });
    },
  );

  it('groups the fields the way a handler works: every stored field once, clocks last and read-only', () => {
    const [provider] = providers;
    const fields = buildCaseConfig(provider as Provider).collections[0]?.fields ?? [];
    expect(fields.map((field) => field.name)).toEqual([...CASE_FIELD_ORDER]);
    expect(CASE_FIELD_ORDER.filter((name) => name !== 'derived').toSorted()).toEqual(
      Object.keys(jsonSchema(CaseSchema).properties ?? {}).toSorted(),
    );
    expect(fields.at(-1)?.widget).toBe('derived-clocks');
    expect(fields.find((field) => field.name === 'reference')?.widget).toBe('case-reference');
  });

  it('shows stage and status read-only, by name: the save works them out from the events', () => {
    const cqm = providers.find((provider) => provider.slug === 'cqm') as Provider;
    const fields = buildCaseConfig(cqm).collections[0]?.fields ?? [];
    expect(fields.find((field) => field.name === 'stage')).toMatchObject({
      widget: 'case-position',
      required: false,
      default: 'stage-1',
      labels: { 'stage-1': 'Stage 1: Frontline Resolution', 'stage-2': 'Stage 2: Investigation' },
    });
    expect(fields.find((field) => field.name === 'status')).toMatchObject({
      widget: 'case-position',
      required: false,
      default: 'open',
      labels: { open: 'Open', closed: 'Closed', withdrawn: 'Withdrawn' },
    });
  });

  it('labels every kind of event in plain words', () => {
    const events = buildCaseConfig(providers[0] as Provider).collections[0]?.fields.find(
      (f) => f.name === 'events',
    );
    expect(events?.types?.map((type) => type.label)).toEqual(Object.values(EVENT_LABELS));
  });

  it('lists cases by stage name and next date in words, groups them by stage name, filters by stage id', () => {
    const cqm = providers.find((provider) => provider.slug === 'cqm') as Provider;
    const [collection] = buildCaseConfig(cqm).collections;
    expect(collection?.summary).toBe(
      '{{reference}} — {{derived.words.stage}} — {{status}} — {{derived.words.nextDue}}',
    );
    expect(collection?.view_groups).toContainEqual({ label: 'Stage', field: 'derived.words.stage' });
    // A filter matches the stored id, and is labelled by the name.
    expect(collection?.view_filters).toContainEqual({
      label: 'Stage 2: Investigation',
      field: 'stage',
      pattern: '^stage-2$',
    });
  });

  it('sums up each item of a case by its date as people read it, never by a stage id', () => {
    const cqm = providers.find((provider) => provider.slug === 'cqm') as Provider;
    const fields = buildCaseConfig(cqm).collections[0]?.fields ?? [];
    const summaries = (field: DecapField): string[] => [
      ...(field.summary === undefined ? [] : [field.summary]),
      ...[...(field.fields ?? []), ...(field.types ?? [])].flatMap(summaries),
    ];
    const all = fields.flatMap(summaries);
    expect(all.filter((summary) => summary.includes('{{on'))).not.toHaveLength(0);
    for (const summary of all) {
      expect(summary).not.toMatch(/\{\{ *(stage|toStage) *\}\}/);
      if (summary.includes('{{on')) expect(summary).toMatch(/^\{\{on \| date\('dddd D MMMM YYYY'\)\}\} · /);
    }
    const events = fields.find((field) => field.name === 'events');
    expect(events?.types?.find((type) => type.name === 'acknowledged')?.summary).toBe(
      "{{on | date('dddd D MMMM YYYY')}} · Acknowledgement sent",
    );
    // A handler is added by the stage's name, stored under its id, and summed up by both names.
    const handlers = fields.find((field) => field.name === 'handlers');
    expect(handlers?.typeKey).toBe('stage');
    expect(handlers?.types?.find((type) => type.name === 'stage-2')).toMatchObject({
      label: 'Stage 2: Investigation',
      summary: 'Stage 2: Investigation: {{name}}',
    });
  });

  it('keeps every list’s items where they were added, so Decap shows no unnamed drag handle', () => {
    const fields = buildCaseConfig(providers[0] as Provider).collections[0]?.fields ?? [];
    // Decap reads the setting from the list, and for an item of a list of several kinds, its kind.
    const lists = (field: DecapField): DecapField[] => [
      ...(field.widget === 'list' ? [field, ...(field.types ?? [])] : []),
      ...[...(field.fields ?? []), ...(field.types ?? [])].flatMap(lists),
    ];
    const all = fields.flatMap(lists);
    expect(all.map((list) => list.name)).toEqual(
      expect.arrayContaining(['events', 'notes', 'actions', 'handlers']),
    );
    for (const list of all) expect(list.allow_reorder, list.name).toBe(false);
  });

  it('keeps cases in per-year folders of the provider’s folder, with the reference as the file name', () => {
    const cqm = providers.find((provider) => provider.slug === 'cqm') as Provider;
    const [collection] = buildCaseConfig(cqm, { owner: 'example-org' }).collections;
    expect(collection).toMatchObject({
      folder: cqm.caseStore.folder ?? 'cqm',
      slug: '{{reference}}',
      create: true,
    });
    // Decap's own year and lower-cased slug: the staff editor spec proves the file lands at casePath.
    expect(collection?.path).toBe('{{year}}/{{slug}}');
    expect(buildCaseConfig(cqm, { owner: 'example-org' }).backend.repo).toBe(
      `example-org/${cqm.caseStore.repository}`,
    );
  });
});

describe('the publishers’ editor', () => {
  const config = buildAdminConfig(providers, { repository: 'example-org/redress' });

  it('has a procedure file per provider, each asking for every field of ProviderSchema', () => {
    const [procedures] = config.collections;
    expect(procedures?.files?.map((file) => file.file)).toEqual(
      providers.map((provider) => `content/providers/${provider.slug}.yaml`),
    );
    for (const file of procedures?.files ?? [])
      expectAgreement(jsonSchema(ProviderSchema), file.fields, '', noneFromProvider);
  });

  it('shows every reasoning note as a text area marked as not published, wherever it sits', () => {
    const notes: DecapField[] = [];
    const collect = (fields: readonly DecapField[]): void => {
      for (const field of fields) {
        if (field.name === 'note') notes.push(field);
        collect([...(field.fields ?? []), ...(field.field === undefined ? [] : [field.field])]);
      }
    };
    collect(config.collections[0]?.files?.[0]?.fields ?? []);
    // The file's own note, a stage's, a clock's inside a stage and a log column's, among others.
    expect(notes.length).toBeGreaterThan(20);
    for (const note of notes) expect(note).toMatchObject({ label: 'Note (not published)', widget: 'text' });
  });

  it('saves procedures in the format the content check holds the files to', () => {
    expect(config.collections[0]).toMatchObject({ format: PROVIDER_FILE_FORMAT });
  });

  it('asks for every front-matter field of PolicySchema, then the policy text', () => {
    const policies = config.collections[1];
    const fields = policies?.fields ?? [];
    expect(fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
    expectAgreement(jsonSchema(PolicySchema), fields.slice(0, -1), '', noneFromProvider);
  });
});
