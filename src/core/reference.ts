import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from './period.ts';

/**
 * Case references: `<PREFIX>-<YYMMDD>-<CODE>`, e.g. `CQM-261122-7K3M9Q`.
 *
 * - PREFIX: 2–4 letters derived from the provider's slug, so no provider file needs a new field.
 * - YYMMDD: the Europe/London date the complaint was received, so a reference read out on the
 *   phone already says when the clock started.
 * - CODE: six Crockford base32 characters from random bytes the edge passes in (30 bits a day a
 *   provider: no shared counter, nothing to guess). Crockford's alphabet leaves out I, L, O and U,
 *   so a reference copied by hand or read aloud cannot be misread.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** How many random bytes `createReference` needs: one per character of the code. */
export const REFERENCE_RANDOM_BYTES = 6;

const EXAMPLE = 'CQM-261122-7K3M9Q';

/**
 * The letters that start a provider's references. A stable rule, so the prefix never needs
 * storing: the slug's first word when it is 2–4 letters (already an initialism: `cqm-training`
 * → CQM), otherwise the initials of its words (`digital-marketing-mentor` → DMM), and for a
 * one-word slug its first three letters (`interlearn` → INT). Digits are ignored.
 */
export function referencePrefix(providerSlug: string): string {
  const words = providerSlug
    .toUpperCase()
    .split('-')
    .map((word) => word.replace(/[^A-Z]/g, ''))
    .filter((word) => word.length > 0);
  const [first] = words;
  if (first === undefined) {
    throw new RangeError(
      `the provider slug "${providerSlug}" has no letters to make a reference prefix from`,
    );
  }
  if (first.length >= 2 && first.length <= 4) return first;
  const initials = words.map((word) => word[0]).join('');
  if (initials.length >= 2) return initials.slice(0, 4);
  return first.slice(0, 3);
}

/**
 * A new reference for a complaint received on `receivedOn`. `random` must come from a
 * cryptographic source at the edge (`crypto.getRandomValues(new Uint8Array(REFERENCE_RANDOM_BYTES))`);
 * each byte gives one character (its low 5 bits, so every character is equally likely).
 */
export function createReference(providerSlug: string, receivedOn: IsoDate, random: Uint8Array): string {
  if (random.length < REFERENCE_RANDOM_BYTES) {
    throw new RangeError(`a reference needs ${REFERENCE_RANDOM_BYTES} random bytes, got ${random.length}`);
  }
  const date = IsoDateSchema.parse(receivedOn);
  if (!date.startsWith('20')) throw new RangeError(`${receivedOn} is outside 2000–2099`);
  const code = Array.from(random.subarray(0, REFERENCE_RANDOM_BYTES), (byte) => CROCKFORD[byte & 31]).join(
    '',
  );
  return `${referencePrefix(providerSlug)}-${date.slice(2).replaceAll('-', '')}-${code}`;
}

/** A reference taken apart. */
export interface ParsedReference {
  /** The reference written the one canonical way, e.g. `CQM-261122-7K3M9Q`. */
  text: string;
  prefix: string;
  receivedOn: IsoDate;
  code: string;
}

/** Crockford decoding: the letters people type for the digits they look like. */
function decodeConfusables(text: string): string {
  return text.replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * Reads a reference as a person typed it: any case, with or without hyphens or spaces, with O for
 * 0 and I or L for 1 in the date and code. The problem, when there is one, is written for the
 * person who typed it.
 */
export function parseReference(
  input: string,
): { ok: true; reference: ParsedReference } | { ok: false; problem: string } {
  // Dashes of any kind and spaces are only separators; the length of what is left fixes where
  // the prefix ends, because the date and code are always 6 characters each.
  const compact = input.toUpperCase().replace(/[\s\u002D\u2010-\u2015\u2212]+/g, '');
  const match = /^([A-Z]{2,4})([0-9OIL]{6})([0-9A-Z]{6})$/.exec(compact);
  if (match === null) {
    return {
      ok: false,
      problem: `a reference looks like ${EXAMPLE}: 2 to 4 letters, the date received (6 digits) and 6 letters or digits`,
    };
  }
  const [, prefix = '', rawDate = '', rawCode = ''] = match;
  const date = decodeConfusables(rawDate);
  const code = decodeConfusables(rawCode);
  const unused = [...code].find((character) => !CROCKFORD.includes(character));
  if (unused !== undefined) {
    return { ok: false, problem: `references never use the letter ${unused}: check the last 6 characters` };
  }
  const receivedOn = `20${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)}`;
  if (!IsoDateSchema.safeParse(receivedOn).success) {
    return {
      ok: false,
      problem: `${date} is not a date written YYMMDD: check the 6 digits after the letters`,
    };
  }
  return { ok: true, reference: { text: `${prefix}-${date}-${code}`, prefix, receivedOn, code } };
}

/** The canonical form of a reference a person typed, or undefined when it cannot be one. */
export function normaliseReference(input: string): string | undefined {
  const parsed = parseReference(input);
  return parsed.ok ? parsed.reference.text : undefined;
}

/** A case reference as stored: the canonical form only. */
export const ReferenceSchema = z
  .string()
  .refine((text) => normaliseReference(text) === text, `write the reference like ${EXAMPLE}`);
