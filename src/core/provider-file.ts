import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import { type core, z } from 'zod';
import { type Provider, ProviderSchema } from './provider.ts';

/**
 * A provider file that cannot be used, with every problem found in it, one per line, written for
 * the publisher who edits the file: `content/providers/cqm.yaml:42: stages[1].respond.within.count
 * must be a whole number of at least 1 (found "ten")`.
 */
export class ProviderFileError extends Error {
  /** The file as the caller named it. */
  readonly fileName: string;
  /** Each problem as a line of the message. */
  readonly problems: readonly string[];

  constructor(fileName: string, problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ProviderFileError';
    this.fileName = fileName;
    this.problems = problems;
  }
}

/** One problem, and the line of the file it is on when that can be told. */
interface Problem {
  line: number | undefined;
  text: string;
}

type Path = readonly PropertyKey[];
type JsonSchema = core.JSONSchema.JSONSchema;

// What each field accepts, in a form that can be walked by path to say what was expected there.
const PROVIDER_JSON_SCHEMA = z.toJSONSchema(ProviderSchema, { io: 'input', unrepresentable: 'any' });

/** Hints for the YAML mistakes a publisher is most likely to make. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'text containing ": " or ending in ":" must be put in double quotes',
  MULTILINE_IMPLICIT_KEY: 'text containing ": " or ending in ":" must be put in double quotes',
  DUPLICATE_KEY: 'each field may appear only once',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check that the lines of this block are indented alike',
};

/** `stages[1].respond.within.count`, as a publisher finds it in the file. */
function formatPath(path: Path): string {
  let text = '';
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`;
  }
  return text === '' ? 'the file' : text;
}

function describeFound(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** The schemas that may apply at `path`: every branch of a union that has it. */
function schemasAt(schema: JsonSchema, path: Path): JsonSchema[] {
  const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].filter(
    (branch): branch is JsonSchema => typeof branch === 'object',
  );
  if (branches.length > 0) return branches.flatMap((branch) => schemasAt(branch, path));
  const [key, ...rest] = path;
  if (key === undefined) return [schema];
  const next = typeof key === 'number' ? schema.items : schema.properties?.[String(key)];
  return next === undefined || typeof next === 'boolean' || Array.isArray(next) ? [] : schemasAt(next, rest);
}

/** What a field accepts, in a few plain words: "a whole number of at least 1". */
function describeExpected(schema: JsonSchema): string {
  const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].filter(
    (branch): branch is JsonSchema => typeof branch === 'object',
  );
  if (branches.length > 0) return [...new Set(branches.map(describeExpected))].join(' or ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum !== undefined) return `one of: ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'integer': {
      const least =
        schema.minimum ??
        (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined);
      return least === undefined ? 'a whole number' : `a whole number of at least ${least}`;
    }
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'string':
      if (schema.format === 'email') return 'an email address';
      return 'text';
    case 'array':
      return (schema.minItems ?? 0) > 0 ? 'a list of at least one item' : 'a list';
    case 'object':
      return 'a group of fields';
    default:
      return 'something else';
  }
}

function expectedAt(path: Path): string {
  const [schema] = schemasAt(PROVIDER_JSON_SCHEMA, path);
  return schema === undefined ? 'something else' : describeExpected(schema);
}

/** The fields a group at `path` may have, to help with a misspelt one. */
function fieldsAt(path: Path): string[] {
  return [
    ...new Set(
      schemasAt(PROVIDER_JSON_SCHEMA, path).flatMap((schema) => Object.keys(schema.properties ?? {})),
    ),
  ];
}

/** The problems of one zod issue, with paths counted from `base` (a union branch's issues are relative). */
function describeIssue(issue: core.$ZodIssue, base: Path): { path: Path; key?: string; text: string }[] {
  const path = [...base, ...issue.path];
  const at = formatPath(path);
  const found = 'input' in issue && issue.input !== undefined ? ` (found ${describeFound(issue.input)})` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) {
        return [{ path, text: `${at} is missing; it must be ${expectedAt(path)}` }];
      }
      return [{ path, text: `${at} must be ${expectedAt(path)}${found}` }];
    case 'too_small':
      if (issue.origin === 'string') return [{ path, text: `${at} must not be empty` }];
      if (issue.origin === 'array') return [{ path, text: `${at} must list at least ${issue.minimum} item` }];
      return [{ path, text: `${at} must be ${expectedAt(path)}${found}` }];
    case 'invalid_value': {
      const values = issue.values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
      const must = values.length === 1 ? `"${values[0]}"` : `one of: ${values.join(', ')}`;
      return [{ path, text: `${at} must be ${must}${found}` }];
    }
    case 'invalid_format':
      // A regex check carries the schema's own words (e.g. how a slug is written); the others are formats.
      if (issue.format === 'regex') return [{ path, text: `${at} ${issue.message}${found}` }];
      return [
        {
          path,
          text: `${at} must be ${issue.format === 'email' ? 'an email address' : issue.format}${found}`,
        },
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path,
        key,
        text: `${formatPath([...path, key])} is not a field here; the fields here are: ${fieldsAt(path).join(', ')}`,
      }));
    case 'invalid_union': {
      // zod reports an unknown discriminator (e.g. a period's `unit`) as a union with no branch tried.
      if (issue.errors.length === 0 && 'discriminator' in issue) {
        const { discriminator, options = [] } = issue as { discriminator: string; options?: unknown[] };
        const value = (issue.input as Record<string, unknown> | undefined)?.[discriminator];
        const list = options.map(String).join(', ');
        const shown = value === undefined ? '' : ` (found ${describeFound(value)})`;
        return [{ path, text: `${at} must be one of: ${list}${shown}` }];
      }
      // The branch the publisher most likely meant is the one with the fewest problems.
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return closest.flatMap((inner) => describeIssue(inner, path));
    }
    case 'custom':
      return [{ path, text: `${at} ${issue.message}` }];
    default:
      return [{ path, text: `${at}: ${issue.message}` }];
  }
}

/** The line of the nearest node at or above `path` (or of the key `key` in it). */
function lineOf(doc: Document, lines: LineCounter, path: Path, key?: string): number | undefined {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? doc.contents : (doc.getIn(path.slice(0, depth), true) as Node | undefined);
    if (node === undefined || node === null) continue;
    const pair =
      key !== undefined && depth === path.length && isMap(node)
        ? node.items.find((item) => isScalar(item.key) && item.key.value === key)
        : undefined;
    const offset = (pair?.key as Node | undefined)?.range?.[0] ?? node.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
  }
  return undefined;
}

function syntaxProblems(doc: Document, lines: LineCounter): Problem[] {
  return doc.errors.map((error) => {
    const [what = error.message] = error.message.split(' at line ');
    const hint = YAML_HINTS[error.code];
    const position = error.linePos?.[0];
    const column = position === undefined ? '' : ` (column ${position.col})`;
    return {
      line: position?.line ?? lines.linePos(error.pos[0]).line,
      text: `the YAML cannot be read: ${what}${column}${hint === undefined ? '' : `; ${hint}`}`,
    };
  });
}

/** The slug is the file's name, so a page, a case and the file always agree on who a provider is. */
function slugProblem(data: unknown, fileName: string, doc: Document, lines: LineCounter): Problem[] {
  const base = fileName.split('/').at(-1) ?? fileName;
  const expected = base.replace(/\.ya?ml$/, '');
  const slug = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).slug : undefined;
  if (typeof slug !== 'string' || slug === expected) return [];
  return [
    {
      line: lineOf(doc, lines, ['slug']),
      text: `slug must match the file name "${base}" (found "${slug}"); rename the file or change the slug`,
    },
  ];
}

/**
 * Reads a provider file: the YAML text of `content/providers/<slug>.yaml` and the name to report it
 * by. Returns the provider, or throws a `ProviderFileError` listing every problem found.
 */
export function parseProvider(text: string, fileName: string): Provider {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const syntax = syntaxProblems(doc, lines);
  // After a syntax error the data is a guess at what was meant: checking it would mislead.
  if (syntax.length > 0) throw toError(fileName, syntax);
  const data: unknown = doc.toJS();
  const result = ProviderSchema.safeParse(data, { reportInput: true });
  const problems: Problem[] = [
    ...slugProblem(data, fileName, doc, lines),
    ...(result.error?.issues ?? []).flatMap((issue) =>
      describeIssue(issue, []).map(({ path, key, text: problem }) => ({
        line: lineOf(doc, lines, path, key),
        text: problem,
      })),
    ),
  ];
  if (problems.length > 0 || !result.success) throw toError(fileName, problems);
  return result.data;
}

function toError(fileName: string, problems: Problem[]): ProviderFileError {
  const ordered = [...problems].sort(
    (a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
  );
  return new ProviderFileError(
    fileName,
    ordered.map(({ line, text }) => `${fileName}${line === undefined ? '' : `:${line}`}: ${text}`),
  );
}
