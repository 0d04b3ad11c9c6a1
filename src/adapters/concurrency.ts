/** Waits `milliseconds`. */
export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * A random wait of up to `milliseconds` doubled per attempt, so writers that collided do not all
 * retry in step and collide again.
 */
export function backoff(attempt: number, milliseconds: number): Promise<void> {
  return sleep(Math.random() * milliseconds * 2 ** attempt);
}

/**
 * Rate limits as token buckets, e.g. GitHub's "80 a minute and 500 an hour": `take` waits until
 * every bucket has a token, so a burst queues here instead of being refused by the API.
 */
export class TokenBuckets {
  readonly #buckets: { capacity: number; perMs: number; tokens: number; at: number }[];

  constructor(limits: { capacity: number; periodMs: number }[]) {
    const now = Date.now();
    this.#buckets = limits.map(({ capacity, periodMs }) => ({
      capacity,
      perMs: capacity / periodMs,
      tokens: capacity,
      at: now,
    }));
  }

  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      for (const bucket of this.#buckets) {
        bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.at) * bucket.perMs);
        bucket.at = now;
      }
      const wait = Math.max(
        ...this.#buckets.map((bucket) => (bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / bucket.perMs)),
      );
      if (wait === 0) {
        for (const bucket of this.#buckets) bucket.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(wait));
    }
  }
}
