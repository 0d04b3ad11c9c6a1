/**
 * One structured log line. Fields are references, counts and adapter errors only: nothing a
 * complainant wrote, and no name or address, ever reaches a log.
 */
export type Log = (event: string, fields: Record<string, string | number | boolean>) => void;
