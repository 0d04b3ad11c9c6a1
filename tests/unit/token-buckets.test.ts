import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBuckets } from '../../src/adapters/concurrency.ts';

describe('token buckets keep requests within every limit at once', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The fake-clock times at which each of `count` takes got its token. */
  async function timesOfTakes(buckets: TokenBuckets, count: number, runFor: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < count; i++) void buckets.take().then(() => times.push(Date.now()));
    await vi.advanceTimersByTimeAsync(runFor);
    return times;
  }

  it('lets a burst up to the per-minute limit through at once, then one more each 60/limit seconds', async () => {
    const buckets = new TokenBuckets([{ capacity: 3, periodMs: 60_000 }]);
    expect(await timesOfTakes(buckets, 5, 60_000)).toEqual([
      0,
      0,
      0,
      expect.closeTo(20_000, -1),
      expect.closeTo(40_000, -1),
    ]);
  });

  it('holds back to the hourly limit even when the minute has room (GitHub: 80 a minute, 500 an hour)', async () => {
    const buckets = new TokenBuckets([
      { capacity: 80, periodMs: 60_000 },
      { capacity: 2, periodMs: 3_600_000 },
    ]);
    // Within a few milliseconds: the refill rate is a fraction, and the wait is rounded up.
    expect(await timesOfTakes(buckets, 3, 3_600_000)).toEqual([0, 0, expect.closeTo(1_800_000, -1)]);
  });
});
