// What every function does with HTTP: read a bounded body, tell a script from a browser, answer.
import { securityHeaders } from './security-headers.ts';

/** A request's body, refused beyond `limit` bytes without reading the rest. */
export async function readBodyWithin(
  request: Request,
  limit: number,
): Promise<{ ok: true; text: string } | { ok: false }> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return { ok: false };
  const reader = request.body?.getReader();
  if (reader === undefined) return { ok: true, text: '' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** The media type of a request's body, without parameters such as `charset`. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether the caller asked for JSON (a script) rather than a page (a browser without JavaScript). */
export function wantsJson(request: Request): boolean {
  return (
    mediaType(request) === 'application/json' ||
    (request.headers.get('accept') ?? '').includes('application/json')
  );
}

/** Every answer a function gives: never cached, with the site's security headers. */
function respond(status: number, body: string | null, headers: Record<string, string>): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders('function'), 'cache-control': 'no-store', ...headers },
  });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return respond(status, JSON.stringify(body), {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): Response {
  return respond(status, html, { 'content-type': 'text/html; charset=utf-8', ...headers });
}

/** A short message for a person, as plain text (a script that asked for JSON gets `jsonResponse`). */
export function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return respond(status, text, { 'content-type': 'text/plain; charset=utf-8', ...headers });
}

/** "See other": where a browser goes after a post (post, redirect, get). */
export function seeOther(location: string): Response {
  return respond(303, null, { location });
}
