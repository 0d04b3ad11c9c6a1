import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it reached the stand-in. */
export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
};

/** An email Resend accepted: the body of the first request with its idempotency key. */
export type AcceptedEmail = { id: string; idempotencyKey: string | undefined; body: Record<string, unknown> };

export type ResendStandIn = {
  /** Give this to the SDK as its base URL. */
  url: string;
  /** Every request, in the order it arrived, including refused ones and repeats. */
  requests: RecordedRequest[];
  /** Every email accepted for delivery, once each. */
  emails: AcceptedEmail[];
  /** Answers the next `count` requests with this HTTP status, as Resend does when it is down. */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
};

/**
 * A local HTTP server that answers `POST /emails` the way Resend's API does, for the real `resend`
 * SDK to talk to: Bearer API key, an id per accepted email, and idempotency keys (the same key and
 * body again answers the first id without sending; the same key with another body, or while the
 * first request is still in progress, is refused with 409).
 */
export async function startResendStandIn(apiKey: string, processingMs = 20): Promise<ResendStandIn> {
  const requests: RecordedRequest[] = [];
  const emails: AcceptedEmail[] = [];
  const byKey = new Map<string, { id: string; digest: string; done: boolean }>();
  let failures: { count: number; status: number } = { count: 0, status: 500 };

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: unknown = raw === '' ? undefined : JSON.parse(raw);
    requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
    const answer = (status: number, json: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    };

    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      return answer(failures.status, {
        name: 'internal_server_error',
        message: 'Unavailable',
        statusCode: 500,
      });
    }
    if (request.method !== 'POST' || request.url !== '/emails') {
      return answer(404, { name: 'not_found', message: 'Not found', statusCode: 404 });
    }
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      return answer(403, { name: 'invalid_api_key', message: 'API key is invalid', statusCode: 403 });
    }
    const email = body as Record<string, unknown>;
    if (typeof email.from !== 'string' || !Array.isArray(email.to) || typeof email.subject !== 'string') {
      return answer(422, { name: 'validation_error', message: 'Missing fields', statusCode: 422 });
    }
    const key = request.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(key) ? key[0] : key;
    const digest = createHash('sha256').update(raw).digest('hex');
    const earlier = idempotencyKey === undefined ? undefined : byKey.get(idempotencyKey);
    if (earlier !== undefined && earlier.digest !== digest) {
      return answer(409, {
        name: 'invalid_idempotent_request',
        message: 'Same idempotency key used with a different request payload.',
        statusCode: 409,
      });
    }
    if (earlier?.done === false) {
      return answer(409, {
        name: 'concurrent_idempotent_requests',
        message: 'Same idempotency key used while original request is still in progress.',
        statusCode: 409,
      });
    }
    if (earlier !== undefined) return answer(200, { id: earlier.id });
    const accepted = { id: randomUUID(), digest, done: false };
    if (idempotencyKey !== undefined) byKey.set(idempotencyKey, accepted);
    // Resend takes a moment to accept an email; a repeat arriving meanwhile is told to wait.
    await new Promise((resolve) => setTimeout(resolve, processingMs));
    accepted.done = true;
    emails.push({ id: accepted.id, idempotencyKey, body: email });
    return answer(200, { id: accepted.id });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    emails,
    failNext(count, status) {
      failures = { count, status };
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
