import { createWebhookReceiver, type WebhookReceiver } from '@reportmail/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostFailure, postWebhook } from './post.js';

const LOCAL = { timeoutMs: 2_000, allowPrivate: true };
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: PostFailure) => [error.kind, error.status, error.message],
  );

describe('postWebhook against a real HTTP server', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await createWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('posts the body as JSON with the given headers and resolves on 2xx', async () => {
    receiver.script([{ status: 204 }]);
    const before = receiver.received.length;
    const answer = await postWebhook(`${receiver.url}/hook?x=1`, '{"a":1}', { 'X-Test': 'yes' }, LOCAL);
    const [request] = receiver.received.slice(before);
    expect(answer).toEqual({ status: 204, body: '' });
    expect([request?.method, request?.path, request?.body]).toEqual(['POST', '/hook?x=1', '{"a":1}']);
    expect([request?.headers['content-type'], request?.headers['x-test']]).toEqual(['application/json', 'yes']);
  });

  it.each([
    [{ status: 500, body: 'boom' }, ['transient', 500, '127.0.0.1:PORT answered HTTP 500: boom']],
    [{ status: 503 }, ['transient', 503, '127.0.0.1:PORT answered HTTP 503']],
    [{ status: 400, body: 'invalid_payload' }, ['permanent', 400, '127.0.0.1:PORT answered HTTP 400: invalid_payload']],
    [{ status: 404, body: 'no_service' }, ['permanent', 404, '127.0.0.1:PORT answered HTTP 404: no_service']],
    [{ status: 429 }, ['permanent', 429, '127.0.0.1:PORT answered HTTP 429']],
    [
      { status: 302 },
      ['permanent', 302, '127.0.0.1:PORT answered HTTP 302 (a redirect, not followed: use the final URL)'],
    ],
  ])('classifies %j', async (reply, expected) => {
    receiver.script([reply]);
    const port = new URL(receiver.url).port;
    const withPort = expected.map((part) => (typeof part === 'string' ? part.replace('PORT', port) : part));
    expect(await failureOf(postWebhook(receiver.url, '{}', {}, LOCAL))).toEqual(withPort);
  });

  it('gives up on a receiver that never answers, as a timeout after the request went out', async () => {
    receiver.script(['hang']);
    const port = new URL(receiver.url).port;
    const failure = await failureOf(postWebhook(receiver.url, '{}', {}, { ...LOCAL, timeoutMs: 300 }));
    expect(failure).toEqual(['timeout', null, `127.0.0.1:${port} timed out after 300 ms (request sent, no answer)`]);
  });

  it('counts a refused connection as transient (nothing reached the receiver)', async () => {
    const closed = await createWebhookReceiver();
    await closed.close();
    const failure = await failureOf(postWebhook(closed.url, '{}', {}, LOCAL));
    expect(failure).toEqual(['transient', null, `${new URL(closed.url).host}: ECONNREFUSED`]);
  });
});

describe('postWebhook SSRF guard (internal addresses not allowed)', () => {
  const PUBLIC_ONLY = { timeoutMs: 2_000, allowPrivate: false };

  it.each([
    ['https://127.0.0.1:9/hook', '127.0.0.1 is a loopback address; only public webhooks are sent to'],
    ['https://[::1]:9/hook', '::1 is a loopback address; only public webhooks are sent to'],
    ['https://169.254.169.254/latest', '169.254.169.254 is a cloud metadata address; only public webhooks are sent to'],
    ['https://10.0.0.5/hook', '10.0.0.5 is a private address; only public webhooks are sent to'],
    ['https://metadata.google.internal/x', 'metadata.google.internal is a cloud metadata service'],
    ['http://example.com/hook', 'http: URLs are not sent to: only https'],
  ])('refuses %s before connecting', async (url, message) => {
    const failure = await failureOf(postWebhook(url, '{}', {}, PUBLIC_ONLY));
    expect(failure).toEqual(['permanent', null, message]);
  });

  it('refuses a name that resolves to an internal address, on the addresses it would connect to', async () => {
    const failure = await failureOf(postWebhook('https://localhost:9/hook', '{}', {}, PUBLIC_ONLY));
    expect(failure?.[0]).toBe('permanent');
    expect(failure?.[2]).toMatch(
      /^localhost resolves to a loopback address \((127\.0\.0\.1|::1)\); only public webhooks are sent to$/,
    );
  });
});
