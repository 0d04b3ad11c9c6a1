import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcceptResult, IntakeQueue, NewIntakeRecord } from '../../src/ports/intake-queue.ts';

/** One intake queue over fresh, empty storage. */
export type IntakeQueueHarness = {
  /** A queue over the harness's storage; each call is a separate instance, as another process would have. */
  open(): IntakeQueue;
  /** Every byte the queue's storage holds, as text: what a search for a person's name would read. */
  stored(): Promise<string>;
  close(): Promise<void>;
};

const submission = (key: string, overrides: Partial<NewIntakeRecord> = {}): NewIntakeRecord => ({
  key,
  reference: `ACM-260101-${key.slice(0, 6).toUpperCase()}`,
  payload: { name: 'Ada Example', says: 'Ŵyn "bach" — 🐑\n---\nnext', nested: { list: [1, true, null] } },
  acceptedAt: '2026-01-01T09:00:00.000Z',
  ...overrides,
});

/** The record an accept kept or found; fails the test when its reference was taken instead. */
function kept(result: AcceptResult) {
  if (result.accepted === 'reference-taken') throw new Error('expected a record, not a taken reference');
  return result.record;
}

/** The behaviour intake relies on to never lose a complaint and never file one twice. */
export function describeIntakeQueueContract(
  name: string,
  createHarness: () => Promise<IntakeQueueHarness>,
  // The local Netlify Blobs server checks `onlyIfNew` and then writes, not atomically as Netlify does.
  { atomicConditionalWrites = true } = {},
): void {
  describe(`${name} keeps the intake queue contract`, () => {
    let harness: IntakeQueueHarness;
    let queue: IntakeQueue;

    beforeEach(async () => {
      harness = await createHarness();
      queue = harness.open();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('accepts a new key, keeps the record exactly, and lists it as pending from another instance', async () => {
      const record = submission('key-aaaaaaaa');
      expect(await queue.accept(record)).toEqual({ accepted: 'new', record });
      expect(await harness.open().pending()).toEqual([record]);
    });

    it('answers a repeated key with the first record, unchanged, so a retry gets the same reference', async () => {
      const first = submission('key-aaaaaaaa');
      await queue.accept(first);
      const retry = submission('key-aaaaaaaa', {
        reference: 'ACM-260101-OTHER0',
        acceptedAt: '2026-01-01T09:00:05Z',
      });
      expect(await harness.open().accept(retry)).toEqual({ accepted: 'existing', record: first });
      expect(await queue.pending()).toEqual([first]);
      // The reference the retry drew is nobody's: another complaint may have it.
      expect((await queue.accept(submission('key-bbbbbbbb', { reference: retry.reference }))).accepted).toBe(
        'new',
      );
    });

    it('answers the first accept as it will answer a retry, even when the payload has undefined fields', async () => {
      const record = submission('key-aaaaaaaa', { payload: { name: 'Ada Example', phone: undefined } });
      const first = await queue.accept(record);
      expect(kept(first).payload).toStrictEqual({ name: 'Ada Example' });
      expect(await queue.accept(record)).toStrictEqual({ accepted: 'existing', record: kept(first) });
    });

    it.runIf(atomicConditionalWrites)(
      'keeps one record when ten posts with the same key race, and tells all ten the same reference',
      async () => {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 === 0 ? queue : harness.open()).accept(
              submission('key-racing00', { reference: `ACM-260101-RACE0${i}` }),
            ),
          ),
        );
        expect(results.filter((result) => result.accepted === 'new')).toHaveLength(1);
        const references = new Set(results.map((result) => kept(result).reference));
        expect(references.size).toBe(1);
        expect((await queue.pending()).map((record) => record.reference)).toEqual([...references]);
      },
    );

    it('refuses a reference another key holds and keeps nothing of it, so the caller draws another', async () => {
      const first = submission('key-aaaaaaaa', { reference: 'ACM-260101-SAME00' });
      await queue.accept(first);
      const second = submission('key-bbbbbbbb', { reference: 'ACM-260101-SAME00' });
      expect(await harness.open().accept(second)).toEqual({ accepted: 'reference-taken' });
      expect(await queue.pending()).toEqual([first]);
      const redrawn = { ...second, reference: 'ACM-260101-OTHER0' };
      expect(await queue.accept(redrawn)).toEqual({ accepted: 'new', record: redrawn });
    });

    it.runIf(atomicConditionalWrites)(
      'gives a reference to one of ten complaints that drew it at once, and refuses the rest',
      async () => {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 === 0 ? queue : harness.open()).accept(
              submission(`key-drew-${i}00`, { reference: 'ACM-260101-SAME00' }),
            ),
          ),
        );
        expect(results.filter((result) => result.accepted === 'new')).toHaveLength(1);
        expect(results.filter((result) => result.accepted === 'reference-taken')).toHaveLength(9);
        expect(await queue.pending()).toHaveLength(1);
      },
    );

    it('stops listing a record once it is marked committed, and keeps the first commit time', async () => {
      const { payload: _, ...record } = submission('key-aaaaaaaa');
      await queue.accept({ ...record, payload: submission('key-aaaaaaaa').payload });
      await queue.markCommitted(record.key, '2026-01-01T09:00:01.000Z');
      await harness.open().markCommitted(record.key, '2026-01-01T09:30:00.000Z');
      expect(await queue.pending()).toEqual([]);
      // The submission itself is forgotten; a repeat still gets its reference.
      expect(await queue.accept(submission('key-aaaaaaaa', { reference: 'ACM-260101-OTHER0' }))).toEqual({
        accepted: 'existing',
        record: { ...record, committedAt: '2026-01-01T09:00:01.000Z' },
      });
      expect(await queue.pending()).toEqual([]);
    });

    it('keeps no personal data once a submission is committed, nor once it is forgotten', async () => {
      await queue.accept(submission('key-aaaaaaaa'));
      await queue.accept(submission('key-bbbbbbbb'));
      await queue.accept(submission('key-bbbbbbbb', { reference: 'ACM-260101-RETRY0' }));
      await queue.markCommitted('key-aaaaaaaa', '2026-01-01T09:00:01.000Z');
      expect(await harness.stored()).toContain('Ada Example');
      expect(await queue.forget(['ACM-260101-KEY-BB'])).toBe(1);
      const stored = await harness.stored();
      expect(stored).not.toContain('Ada Example');
      // Not even the key (for a form sent without JavaScript, a hash of the answers) is left.
      expect(stored).not.toContain('key-bbbbbbbb');
    });

    it('forgets a submission by its reference: the drain never sees it again, and the same key is new again', async () => {
      const erased = submission('key-aaaaaaaa');
      await queue.accept(erased);
      await queue.accept(submission('key-bbbbbbbb'));
      expect(await harness.open().forget([erased.reference, 'ACM-260101-NOBODY'])).toBe(1);
      expect(await queue.forget([erased.reference])).toBe(0);
      expect((await queue.pending()).map((record) => record.key)).toEqual(['key-bbbbbbbb']);
      expect((await queue.accept(erased)).accepted).toBe('new');
    });

    it('lists pending records oldest first', async () => {
      const times = ['2026-01-01T09:00:02Z', '2026-01-01T09:00:00Z', '2026-01-01T10:00:00+01:00'];
      await Promise.all(
        times.map((acceptedAt, i) => queue.accept(submission(`key-${i}-time0`, { acceptedAt }))),
      );
      expect((await queue.pending()).map((record) => record.key)).toEqual([
        'key-1-time0',
        'key-2-time0',
        'key-0-time0',
      ]);
    });

    it('answers an empty list when nothing was ever accepted', async () => {
      expect(await queue.pending()).toEqual([]);
    });

    it('refuses to mark a key it never accepted', async () => {
      await expect(queue.markCommitted('key-unknown0', '2026-01-01T09:00:00Z')).rejects.toThrow();
    });

    it.each(['short', '../../etc/passwd', 'key with spaces', 'key/slash00'])(
      'refuses the key %j, which could not name a file safely',
      async (key) => {
        await expect(queue.accept(submission(key))).rejects.toThrow(/intake key/);
      },
    );
  });
}
