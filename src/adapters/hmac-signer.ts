import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Signer } from '../ports/signer.ts';

/** HMAC-SHA-256 with the deployment's secret, as base64url. */
export class HmacSigner implements Signer {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  sign(text: string): string {
    return createHmac('sha256', this.#secret).update(text).digest('base64url');
  }

  verify(text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(text));
    const given = Buffer.from(signature);
    // Compared in constant time, so the time taken tells a forger nothing about the signature.
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
