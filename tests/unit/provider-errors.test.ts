import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderFileError, parseProvider } from '../../src/core/provider-file.ts';

// A small valid provider file; each case below breaks it the way a publisher might.
const GOOD = readFileSync(
  new URL('../fixtures/providers/good/example-college.yaml', import.meta.url),
  'utf8',
);
const FILE = 'content/providers/example-college.yaml';

/** The good file with `from` (which must occur exactly once) replaced by `to`. */
function edit(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`the fixture must contain ${JSON.stringify(from)} exactly once`);
  return parts.join(to);
}

/** The error a file is refused with; fails the test if the file is accepted. */
function refusalOf(text: string, fileName = FILE): ProviderFileError {
  try {
    parseProvider(text, fileName);
  } catch (error) {
    if (error instanceof ProviderFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const problemsOf = (text: string, fileName = FILE): string => refusalOf(text, fileName).message;

describe('a good provider file', () => {
  it('parses, with defaults filled in', () => {
    const provider = parseProvider(GOOD, FILE);
    expect(provider.slug).toBe('example-college');
    expect(provider.exclusions).toEqual([]);
    expect(provider.stages[1]?.informal).toBe(false);
  });
});

describe('a bad provider file is refused with every problem, its field and its line', () => {
  // biome-ignore format: one row a line keeps the table readable as a table
  const cases: [what: string, text: string, message: string][] = [
    ['a missing field', edit(GOOD, '    name: Stage 1\n', ''),
      `${FILE}:23: stages[1].name is missing; it must be text`],
    ['a word where a number belongs', edit(GOOD, 'count: 10 }', 'count: ten }'),
      `${FILE}:32: stages[1].respond.within.count must be a whole number of at least 1 (found "ten")`],
    ['a negative count', edit(GOOD, 'count: 10 }', 'count: -3 }'),
      `${FILE}:32: stages[1].respond.within.count must be a whole number of at least 1 (found -3)`],
    ['a fraction of a day', edit(GOOD, 'count: 10 }', 'count: 1.5 }'),
      `${FILE}:32: stages[1].respond.within.count must be a whole number of at least 1 (found 1.5)`],
    ['an unknown unit', edit(GOOD, 'unit: working-days, count: 10', 'unit: days, count: 10'),
      `${FILE}:32: stages[1].respond.within.unit must be one of: working-days, calendar-days, weeks (found "days")`],
    ['an unknown nation', edit(GOOD, 'nation: england-and-wales', 'nation: england'),
      `${FILE}:5: nation must be one of: england-and-wales, scotland, northern-ireland (found "england")`],
    ['a list where a group of fields belongs', edit(GOOD, 'handler: { role: Quality Manager, contact: quality-manager }', 'handler: [Quality Manager]'),
      `${FILE}:26: stages[1].handler must be a group of fields (found a list)`],
    ['an unknown field', edit(GOOD, '    informal: true\n', '    informal: true\n    handlr: x\n'),
      `${FILE}:22: stages[0].handlr is not a field here; the fields here are: id, name, summary, quote, informal, handler, acknowledge, holdingReply, respond, interim, delayNotice, chase, escalateWithin, escalationContacts, independence, note`],
    ['a mistyped contact id', edit(GOOD, 'contact: quality-manager }', 'contact: quality-manger }'),
      `${FILE}:26: stages[1].handler.contact must be the id of one of the contacts (found "quality-manger")`],
    ['a duplicate stage id', edit(GOOD, '  - id: informal', '  - id: stage-1'),
      `${FILE}:23: stages[1].id must be unique, but stages[0] already has the id "stage-1"`],
    ['an id that is not a slug', edit(GOOD, '  - id: informal', '  - id: Informal Stage'),
      `${FILE}:18: stages[0].id must use lower-case letters, digits and single hyphens, like "stage-1" (found "Informal Stage")`],
    ['a bad email address', edit(GOOD, 'quality@example.org', 'quality at example.org'),
      `${FILE}:12: contacts[1].email must be an email address (found "quality at example.org")`],
    ['a case team with neither the policy’s sentence nor Redress’s reason', edit(GOOD, `, note: "Redress's choice: the case team's own address." }`, ' }'),
      `${FILE}:13: caseTeam must quote the policy sentence that names the address, or say in a note why Redress chose it`],
    ['an empty quote', edit(GOOD, 'quote: We keep a complaints log.', 'quote: ""'),
      `${FILE}:40: log.quote must not be empty`],
    ['a clock for a channel the provider does not accept', edit(GOOD, 'appliesTo: [email]', 'appliesTo: [telephone]'),
      `${FILE}:29: stages[1].acknowledge.appliesTo[0] must be one of the channels in channels.accepted (found "telephone")`],
    ['a handler-set date set by someone else', edit(GOOD, '    respond:\n      within: { unit: working-days, count: 10 }\n', '    respond:\n      setBy: director\n'),
      `${FILE}:32: stages[1].respond.setBy must be "handler" (found "director")`],
    ['an empty file', '',
      `${FILE}: the file must be a group of fields (found nothing)`],
    ['text with a colon left unquoted', edit(GOOD, 'You can complain by email or by post.', 'Complain: by email or by post.'),
      `${FILE}:16: the YAML cannot be read: Nested mappings are not allowed in compact mappings (column 10); text containing ": " or ending in ":" must be put in double quotes`],
    ['a field given twice', edit(GOOD, 'nation: england-and-wales\n', 'nation: england-and-wales\nnation: scotland\n'),
      `${FILE}:6: the YAML cannot be read: Map keys must be unique (column 1); each field may appear only once`],
    ['several problems at once, in the order of the file',
      edit(edit(edit(edit(GOOD, 'nation: england-and-wales', 'nation: wales'), 'count: 10 }', 'count: ten }'), '    name: Stage 1\n', ''), '  repository: redress-cases\n', '  repository: redress-cases\n  branch: main\n'),
      [
        `${FILE}:5: nation must be one of: england-and-wales, scotland, northern-ireland (found "wales")`,
        `${FILE}:23: stages[1].name is missing; it must be text`,
        `${FILE}:31: stages[1].respond.within.count must be a whole number of at least 1 (found "ten")`,
        `${FILE}:42: caseStore.branch is not a field here; the fields here are: repository, folder`,
      ].join('\n')],
  ];

  it.each(cases)('%s', (_what, text, message) => {
    expect(problemsOf(text)).toBe(message);
  });

  it('a file whose name is not its slug', () => {
    expect(problemsOf(GOOD, 'content/providers/example.yaml')).toBe(
      'content/providers/example.yaml:2: slug must match the file name "example.yaml" (found "example-college"); rename the file or change the slug',
    );
  });

  it('keeps the file name and each problem for callers that list them', () => {
    const text = edit(edit(GOOD, 'nation: england-and-wales', 'nation: wales'), 'count: 10 }', 'count: 0 }');
    const error = refusalOf(text);
    expect(error.fileName).toBe(FILE);
    expect(error.problems).toEqual([
      `${FILE}:5: nation must be one of: england-and-wales, scotland, northern-ireland (found "wales")`,
      `${FILE}:32: stages[1].respond.within.count must be a whole number of at least 1 (found 0)`,
    ]);
  });
});
