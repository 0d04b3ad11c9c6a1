import { describe, expect, it } from 'vitest';
import {
  createReference,
  normaliseReference,
  parseReference,
  REFERENCE_RANDOM_BYTES,
  ReferenceSchema,
  referencePrefix,
} from '../../src/core/reference.ts';
import { fixtureProviders } from '../support/fixtures.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('the reference prefix comes from the provider slug by one stable rule', () => {
  it.each([
    ['a short first word is already an initialism', 'cqm-training-and-consultancy', 'CQM'],
    ['a short first word is already an initialism', 'ace-training', 'ACE'],
    ['a slug that is only an initialism', 'dmm', 'DMM'],
    ['otherwise the initials of the words', 'digital-marketing-mentor', 'DMM'],
    ['otherwise the initials of the words', 'dynamic-training', 'DT'],
    ['at most four initials', 'north-east-west-south-training', 'NEWS'],
    ['a one-word slug gives its first three letters', 'interlearn', 'INT'],
    ['digits are not letters', '2020-learning-group', 'LG'],
  ])('%s: %s → %s', (_why, slug, prefix) => {
    expect(referencePrefix(slug)).toBe(prefix);
  });

  it('gives every provider a prefix of its own', async () => {
    const prefixes = (await fixtureProviders()).map((provider) => referencePrefix(provider.slug));
    expect(prefixes).toEqual(expect.arrayContaining(['ACE', 'CQM', 'DMM', 'DT', 'INT']));
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('refuses a slug with no letters, saying so', () => {
    expect(() => referencePrefix('2020')).toThrow(
      'the provider slug "2020" has no letters to make a reference prefix from',
    );
  });
});

describe('a new reference is the prefix, the received date and six random Crockford characters', () => {
  it('writes the London date received as YYMMDD', () => {
    expect(createReference('cqm-training-and-consultancy', '2026-11-22', bytes(7, 19, 3, 20, 9, 23))).toBe(
      'CQM-261122-7K3M9Q',
    );
  });

  it('takes the low five bits of each byte, so all 256 byte values map evenly onto 32 characters', () => {
    expect(createReference('interlearn', '2027-01-04', bytes(0, 31, 32, 63, 255, 224))).toBe(
      'INT-270104-0Z0ZZ0',
    );
  });

  it('never uses I, L, O or U, whatever the bytes', () => {
    const characters = Array.from({ length: 256 }, (_, byte) =>
      createReference(
        'dynamic-training',
        '2026-06-01',
        new Uint8Array(REFERENCE_RANDOM_BYTES).fill(byte),
      ).slice(-1),
    );
    expect(characters.join('')).not.toMatch(/[ILOU]/);
    expect(new Set(characters).size).toBe(32);
  });

  it('refuses too few random bytes rather than make a guessable reference', () => {
    expect(() => createReference('ace-training', '2026-06-01', bytes(1, 2, 3))).toThrow(
      'a reference needs 6 random bytes, got 3',
    );
  });

  it('always parses back to what it was made from', () => {
    const reference = createReference(
      'digital-marketing-mentor',
      '2028-02-29',
      bytes(200, 17, 5, 99, 1, 140),
    );
    expect(parseReference(reference)).toEqual({
      ok: true,
      reference: { text: reference, prefix: 'DMM', receivedOn: '2028-02-29', code: reference.slice(-6) },
    });
  });
});

describe('a reference typed by a person is read the way it was meant', () => {
  it.each([
    ['exactly as given', 'CQM-261122-7K3M9Q'],
    ['in lower case', 'cqm-261122-7k3m9q'],
    ['with spaces around and inside', '  CQM 261122 7K3M9Q '],
    ['with no separators', 'cqm2611227k3m9q'],
    ['with an en dash copied from a letter', 'CQM–261122–7K3M9Q'],
  ])('%s: "%s"', (_how, typed) => {
    expect(normaliseReference(typed)).toBe('CQM-261122-7K3M9Q');
  });

  it.each([
    ['O for zero', 'INT-27O1O4-7K3M9Q', 'INT-270104-7K3M9Q'],
    ['I and L for one', 'DT-26I2l8-IK3MLQ', 'DT-261218-1K3M1Q'],
    ['a four-letter prefix', 'news-261218-00000O', 'NEWS-261218-000000'],
  ])('reads %s: "%s"', (_how, typed, canonical) => {
    expect(normaliseReference(typed)).toBe(canonical);
  });

  it.each([
    [
      'too short',
      'CQM-26112-7K3M9Q',
      'a reference looks like CQM-261122-7K3M9Q: 2 to 4 letters, the date received (6 digits) and 6 letters or digits',
    ],
    [
      'a one-letter prefix',
      'C-261122-7K3M9Q',
      'a reference looks like CQM-261122-7K3M9Q: 2 to 4 letters, the date received (6 digits) and 6 letters or digits',
    ],
    [
      'a U in the code',
      'CQM-261122-7KUM9Q',
      'references never use the letter U: check the last 6 characters',
    ],
    [
      'no such date',
      'CQM-260229-7K3M9Q',
      '260229 is not a date written YYMMDD: check the 6 digits after the letters',
    ],
  ])('says what is wrong with %s', (_what, typed, problem) => {
    expect(parseReference(typed)).toEqual({ ok: false, problem });
    expect(normaliseReference(typed)).toBeUndefined();
  });
});

describe('a stored reference is only ever the canonical form', () => {
  it('accepts the canonical form', () => {
    expect(ReferenceSchema.safeParse('ACE-261218-7K3M9Q').success).toBe(true);
  });

  it.each(['ace-261218-7k3m9q', 'ACE2612187K3M9Q', 'ACE-261218-7K3M9O'])('refuses "%s"', (stored) => {
    const result = ReferenceSchema.safeParse(stored);
    expect(result.error?.issues[0]?.message).toBe('write the reference like CQM-261122-7K3M9Q');
  });
});
