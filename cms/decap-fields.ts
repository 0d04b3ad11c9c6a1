import { z } from 'zod';

/**
 * Decap CMS fields generated from the core zod schemas, so the editors never hold a hand-copied
 * list of fields that could drift from what the engine reads. The schema goes through zod's own
 * JSON Schema export (`z.toJSONSchema`), then each JSON Schema node becomes the Decap widget that
 * edits it.
 */

/** The part of a Decap field config this project uses (https://decapcms.org/docs/widgets/). */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  /** A select's options: each stored as written, or as `value` and shown as `label`. */
  options?: (string | { label: string; value: string })[];
  multiple?: boolean;
  fields?: DecapField[];
  field?: DecapField;
  types?: DecapField[];
  typeKey?: string;
  summary?: string;
  /** A list whose items stay where they were added: Decap then shows no drag handle. */
  allow_reorder?: boolean;
  collapsed?: boolean;
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  picker_utc?: boolean;
  value_type?: 'int' | 'float';
  min?: number;
  pattern?: [string, string];
  /** For Redress's read-only widgets: how each stored value reads. */
  labels?: Record<string, string>;
}

/** The part of JSON Schema that `z.toJSONSchema` writes for the core schemas. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  default?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

/**
 * The JSON Schema of what a file holds once read: `output`, because that is the shape the engine
 * works with (a policy's dates after their YAML-timestamp repair). Refinements (`superRefine`)
 * cannot be represented and are checked by the engine and the editor's save rules instead.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
}

/** Text longer than a line gets a text area: addresses, what happened, notes. */
const LONG_TEXT = 500;

/** `receivedAt` → "Received at", `under18` → "Under 18". */
export function labelFor(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field the caller builds itself (a provider's stages, a read-only block), or undefined to generate it. */
export type FieldOverride = (
  name: string,
  schema: JsonSchema,
  path: readonly string[],
) => DecapField | undefined;

/** The variants of a union, whichever keyword zod used for it. */
export function variantsOf(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.oneOf ?? schema.anyOf;
}

/** The value of the `type` discriminator of each variant, when every variant has one. */
export function discriminatorValues(variants: readonly JsonSchema[], key: string): string[] | undefined {
  const values = variants.map((variant) => variant.properties?.[key]?.const);
  return values.every((value) => typeof value === 'string') ? (values as string[]) : undefined;
}

/**
 * A union of objects outside a list (a period's unit, a respond rule that is either a period or
 * "the handler sets it"): Decap can only pick a variant inside a list, so the editor shows one
 * object with every variant's fields, a literal becoming a choice of the variants' values, and
 * the engine's schema tells the publisher which combination is valid.
 */
export function mergeVariants(variants: readonly JsonSchema[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const variant of variants) {
    for (const [name, property] of Object.entries(variant.properties ?? {})) {
      const known = properties[name];
      if (known === undefined) {
        properties[name] =
          property.const === undefined ? property : { type: 'string', enum: [property.const] };
      } else if (
        property.const !== undefined &&
        known.enum !== undefined &&
        !known.enum.includes(property.const)
      ) {
        known.enum = [...known.enum, property.const];
      }
    }
  }
  // A property is required when every variant requires it.
  const required = Object.keys(properties).filter((name) =>
    variants.every((variant) => variant.required?.includes(name)),
  );
  return { type: 'object', properties, required };
}

/** The Decap field for one property of a schema. */
export function fieldFor(
  name: string,
  schema: JsonSchema,
  required: boolean,
  override: FieldOverride,
  path: readonly string[] = [],
): DecapField {
  const here = [...path, name];
  const custom = override(name, schema, here);
  if (custom !== undefined) return custom;
  const base = {
    name,
    label: labelFor(name),
    required,
    ...(schema.default === undefined ? {} : { default: schema.default }),
  };
  const variants = variantsOf(schema);
  if (variants !== undefined) return fieldFor(name, mergeVariants(variants), required, override, path);
  if (schema.const !== undefined) return { ...base, widget: 'hidden', default: schema.const };
  if (schema.enum !== undefined) return { ...base, widget: 'select', options: schema.enum.map(String) };
  switch (schema.type) {
    case 'object': {
      const fields = fieldsFor(schema, override, here);
      return {
        ...base,
        widget: 'object',
        collapsed: !required,
        fields: required ? fields : fields.map(optional),
      };
    }
    case 'array':
      return { ...base, ...listFor(name, schema.items ?? {}, override, here) };
    case 'boolean':
      return { ...base, widget: 'boolean', default: schema.default ?? false };
    case 'integer':
    case 'number':
      return {
        ...base,
        widget: 'number',
        value_type: schema.type === 'integer' ? 'int' : 'float',
        ...(schema.exclusiveMinimum === undefined ? {} : { min: schema.exclusiveMinimum + 1 }),
        ...(schema.minimum === undefined ? {} : { min: schema.minimum }),
      };
    case 'string':
      return { ...base, ...stringWidget(schema) };
    default:
      // `unrepresentable: 'any'` leaves an empty schema: plain text is the safest way to edit it.
      return { ...base, widget: 'string' };
  }
}

/** Dates are calendar dates (Europe/London) written `YYYY-MM-DD`; instants keep their offset. */
function stringWidget(
  schema: JsonSchema,
): Pick<DecapField, 'widget' | 'format' | 'date_format' | 'time_format' | 'picker_utc'> {
  switch (schema.format) {
    case 'date':
      // picker_utc: a date has no time of day, so the browser's time zone must not move it.
      return {
        widget: 'datetime',
        format: 'YYYY-MM-DD',
        date_format: 'D MMMM YYYY',
        time_format: false,
        picker_utc: true,
      };
    case 'date-time':
      return {
        widget: 'datetime',
        format: 'YYYY-MM-DDTHH:mm:ssZ',
        date_format: 'D MMMM YYYY',
        time_format: 'HH:mm',
      };
    default:
      return { widget: (schema.maxLength ?? 0) >= LONG_TEXT ? 'text' : 'string' };
  }
}

/** A list: of objects (a form per item), of choices (a multiple select), of strings, or of typed events. */
function listFor(
  name: string,
  items: JsonSchema,
  override: FieldOverride,
  path: readonly string[],
): Pick<
  DecapField,
  'widget' | 'fields' | 'field' | 'types' | 'typeKey' | 'options' | 'multiple' | 'summary'
> {
  const variants = variantsOf(items);
  const types = variants === undefined ? undefined : discriminatorValues(variants, 'type');
  if (variants !== undefined && types !== undefined) {
    return {
      widget: 'list',
      typeKey: 'type',
      types: variants.map((variant, i) => {
        const type = types[i] ?? '';
        const { type: _discriminator, ...rest } = variant.properties ?? {};
        return {
          name: type,
          label: labelFor(type.replace(/-/g, ' ')),
          widget: 'object',
          fields: fieldsFor({ ...variant, properties: rest }, override, [...path, type]),
        };
      }),
    };
  }
  const item = variants === undefined ? items : mergeVariants(variants);
  if (item.enum !== undefined) return { widget: 'select', multiple: true, options: item.enum.map(String) };
  if (item.type === 'object') return { widget: 'list', fields: fieldsFor(item, override, path) };
  return { widget: 'list', field: fieldFor(singular(name), item, true, override, path) };
}

/**
 * A field of a group that may be left out (a representative): Decap checks the required fields of
 * a group even when nobody opened it, so inside it nothing is marked required, and the save check
 * (the schema itself) says what a group that was filled in still needs.
 */
function optional(field: DecapField): DecapField {
  return {
    ...field,
    required: false,
    ...(field.fields === undefined ? {} : { fields: field.fields.map(optional) }),
    ...(field.field === undefined ? {} : { field: optional(field.field) }),
    ...(field.types === undefined ? {} : { types: field.types.map(optional) }),
  };
}

/** `relatedPolicies` → `relatedPolicy`: the name of one item of a list of strings. */
function singular(name: string): string {
  return name.replace(/ies$/, 'y').replace(/s$/, '');
}

/** The Decap fields of an object schema, in the schema's order. */
export function fieldsFor(
  schema: JsonSchema,
  override: FieldOverride,
  path: readonly string[] = [],
): DecapField[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldFor(name, property, isRequired(schema, name), override, path),
  );
}

/** Required in the file: listed as required and with no default the engine fills in. */
export function isRequired(schema: JsonSchema, name: string): boolean {
  return (schema.required?.includes(name) ?? false) && schema.properties?.[name]?.default === undefined;
}

/** Generate every field as the schema says. */
export const noOverride: FieldOverride = () => undefined;
