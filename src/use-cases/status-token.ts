import { randomBytes } from 'node:crypto';

/** A new key for a case's private status page: 32 random bytes, never derived from the case. */
export const newStatusToken = (): string => randomBytes(32).toString('base64url');
