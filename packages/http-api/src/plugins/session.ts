import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@reportmail/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The browser session: the same JWT a script gets, in an httpOnly SameSite=Strict cookie whose path covers
 * the console (/), Bull Board (/admin/queues), Swagger UI (/docs) and the /v1 routes the console calls.
 */
export const SESSION_COOKIE = 'reportmail_session';
/** The CSRF token (readable by the console's script, sent back in CSRF_HEADER on every write). */
export const CSRF_COOKIE = 'reportmail_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_PATH = '/';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed double-submit: the token is an HMAC of the session token, so it cannot be planted by another site
 * (it would need the key) and it dies with the session. A cross-site page can neither read the cookie nor
 * set the header without a CORS preflight this API never grants.
 */
export function csrfTokenFor(sessionToken: string, key: string): string {
  return createHmac('sha256', key).update(`csrf:${sessionToken}`).digest('base64url');
}

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const csrfRejected = (why: string) =>
  new AppError('CSRF_REJECTED', `${why}: reload the console and try again (scripts use a bearer token)`);

/** Throws unless a write authenticated by the session cookie carries the session's CSRF token. */
export function assertCsrfToken(request: FastifyRequest, sessionToken: string, key: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const header = request.headers[CSRF_HEADER];
  const presented = Array.isArray(header) ? header[0] : header;
  if (!presented) throw csrfRejected(`The request has no ${CSRF_HEADER} header`);
  if (!sameToken(presented, csrfTokenFor(sessionToken, key))) {
    throw csrfRejected(`The ${CSRF_HEADER} header does not match this session`);
  }
}

/**
 * For pages that cannot add a header (Bull Board's own UI): a cookie-authenticated write must come from
 * this origin, as the browser says in Origin or Sec-Fetch-Site (both set by the browser, not by scripts).
 */
export function assertSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined) {
    if (fetchSite === 'same-origin') return;
    throw csrfRejected(`A write from another site (${String(fetchSite)}) is refused`);
  }
  const origin = request.headers.origin;
  if (origin && origin === `${request.protocol}://${request.host}`) return;
  throw csrfRejected('A write without a same-origin Origin header is refused');
}

export type SessionCookies = { secure: boolean; csrfKey: string };

/** Sets (or, given null, clears) the session cookie and its CSRF token together. */
export function writeSessionCookies(reply: FastifyReply, token: string | null, options: SessionCookies): void {
  const common = { path: SESSION_PATH, secure: options.secure, sameSite: 'strict' as const };
  if (token === null) {
    reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
    reply.clearCookie(CSRF_COOKIE, common);
    return;
  }
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(token, options.csrfKey), common);
}
