import type { Log } from '../ports/log.ts';

/** Log lines as JSON on standard output, where Netlify's function logs and a terminal read them. */
export const logToConsole: Log = (event, fields) => {
  console.info(JSON.stringify({ event, ...fields }));
};
