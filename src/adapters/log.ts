/**
 * One structured log line. Fields are references, counts and adapter errors only: nothing a
 * complainant wrote, and no name or address, ever reaches a log.
 */
export function logEvent(event: string, fields: Record<string, string | number | boolean>): void {
  console.info(JSON.stringify({ event, ...fields }));
}
