import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the receiver answers the next request: a status (and body), or never (the request hangs). */
export type ReceiverReply = { status: number; body?: string } | 'hang';

/** A request the receiver got, with its raw body and whether its signature checked out. */
export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Null without a signing secret; else whether `x-reportmail-signature` is the HMAC this test computed. */
  signatureValid: boolean | null;
  receivedAt: number;
};

export type WebhookReceiver = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: ReceivedRequest[];
  /** Replies for the next requests, in order; once used up, requests get 200 `ok`. */
  script: (replies: ReceiverReply[]) => void;
  /** Resolves when `count` requests have arrived in total (an event, never a sleep). */
  waitForRequests: (count: number) => Promise<ReceivedRequest[]>;
  close: () => Promise<void>;
};

/**
 * A real HTTP server on a loopback port standing in for Slack or a customer's endpoint. With
 * `signingSecret` it checks every request's signature itself (HMAC-SHA256 over `<timestamp>.<raw body>`,
 * computed here, not with the code under test), as a receiver following the README would.
 */
export async function createWebhookReceiver(
  options: {
    signingSecret?: string /** A fixed port (to come back where a stopped receiver was). */;
    port?: number;
  } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const waiters: { count: number; resolve: (requests: ReceivedRequest[]) => void }[] = [];
  const hanging: ServerResponse[] = [];
  let replies: ReceiverReply[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signatureValid = options.signingSecret
        ? checkSignature(options.signingSecret, request.headers, body)
        : null;
      const entry = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
        signatureValid,
      };
      received.push({ ...entry, receivedAt: Date.now() });
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...received]);
      }
      const reply = replies.shift() ?? { status: 200, body: 'ok' };
      if (reply === 'hang') {
        hanging.push(response);
        return;
      }
      response.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body ?? '');
    });
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (next) => {
      replies = [...next];
    },
    waitForRequests: (count) =>
      received.length >= count
        ? Promise.resolve([...received])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function checkSignature(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = headers['x-reportmail-timestamp'];
  const signature = headers['x-reportmail-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
