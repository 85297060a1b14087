import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { forbiddenAddressKind, guardedLookup, isMetadataHostName } from '@reportmail/net-guard';

export type PostOptions = {
  /** The whole request, connect to the end of the answer; past it the request is abandoned. */
  timeoutMs: number;
  /** ALLOW_PRIVATE_WEBHOOKS: internal addresses (and plain http) are fine: development and tests. */
  allowPrivate: boolean;
};

/**
 * How a failed request ends: `transient` may succeed later (5xx, timeouts, the network); `permanent`
 * will not (4xx, a redirect, an address the guard refuses); `timeout` is a transient one after the whole
 * request went out, so the receiver may have acted on it.
 */
export type PostFailureKind = 'transient' | 'timeout' | 'permanent';

export class PostFailure extends Error {
  constructor(
    readonly kind: PostFailureKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'PostFailure';
  }
}

export type PostAnswer = { status: number; body: string };

/** The most of an answer's body kept (for the delivery log). */
const KEPT_BODY_BYTES = 1_000;

/**
 * POSTs a JSON body to a webhook URL and resolves with a 2xx answer, or rejects with a PostFailure. Only
 * public addresses are reached (checked on the addresses the connection then uses); redirects are not
 * followed, so a URL cannot be bounced to an internal one.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostAnswer> {
  const target = checkedUrl(url, options.allowPrivate);
  const answer = await send(target, body, headers, options);
  if (answer.status >= 200 && answer.status < 300) return answer;
  throw failureOf(target, answer);
}

function checkedUrl(url: string, allowPrivate: boolean): URL {
  const target = new URL(url);
  if (target.protocol !== 'https:' && !(allowPrivate && target.protocol === 'http:')) {
    throw new PostFailure('permanent', `${target.protocol} URLs are not sent to: only https`);
  }
  if (allowPrivate) return target;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isMetadataHostName(host)) throw new PostFailure('permanent', `${host} is a cloud metadata service`);
  const kind = isIP(host) ? forbiddenAddressKind(host) : null;
  if (kind) throw new PostFailure('permanent', `${host} is a ${kind} address; only public webhooks are sent to`);
  return target;
}

function failureOf(target: URL, answer: PostAnswer): PostFailure {
  const said = answer.body.trim() ? `: ${answer.body.trim()}` : '';
  const status = `${target.host} answered HTTP ${answer.status}`;
  if (answer.status >= 500) return new PostFailure('transient', `${status}${said}`, answer.status);
  if (answer.status >= 300 && answer.status < 400) {
    return new PostFailure('permanent', `${status} (a redirect, not followed: use the final URL)`, answer.status);
  }
  return new PostFailure('permanent', `${status}${said}`, answer.status);
}

function send(target: URL, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostAnswer> {
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let written = false;
    const req = request(target, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      ...(options.allowPrivate ? {} : { lookup: guardedLookup() }),
    });
    const timer = setTimeout(() => {
      const kind = written ? 'timeout' : 'transient';
      const what = written ? 'sent, no answer' : 'could not be sent';
      req.destroy(new PostFailure(kind, `${target.host} timed out after ${options.timeoutMs} ms (request ${what})`));
    }, options.timeoutMs);
    req.on('finish', () => {
      written = true;
    });
    req.on('response', (response) => {
      readBody(response).then((text) => resolve({ status: response.statusCode ?? 0, body: text }), reject);
    });
    req.on('error', (error) => reject(networkFailure(target, error, written)));
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    response.on('data', (chunk: Buffer) => {
      if (kept < KEPT_BODY_BYTES) chunks.push(chunk.subarray(0, KEPT_BODY_BYTES - kept));
      kept += chunk.length;
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

function networkFailure(target: URL, error: Error & { code?: string }, written: boolean): PostFailure {
  if (error instanceof PostFailure) return error;
  if (error.code === 'EFORBIDDENADDRESS') {
    return new PostFailure('permanent', `${error.message}; only public webhooks are sent to`);
  }
  // Lost after the whole request went out: the receiver may have it, as with a timeout.
  const kind = written ? 'timeout' : 'transient';
  return new PostFailure(kind, `${target.host}: ${error.code ?? error.message}`);
}
