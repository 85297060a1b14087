import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, paths } from './schema';

/** The CSRF cookie the API sets beside the httpOnly session cookie (see services/api plugins/session.ts). */
const CSRF_COOKIE = 'reportmail_csrf';
const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type ErrorDetail = { field: string; message: string };

/** An API error in its one shape: a stable code, a message and per-field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one form field (`body.host` → `host`), if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((detail) => detail.field.replace(/^(body|querystring)\./, '') === field)?.message;
  }
}

function csrfToken(): string | undefined {
  const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`));
  return pair?.slice(CSRF_COOKIE.length + 1);
}

/** Where the browser goes when the session has expired: sign in, then back to this page. */
export function signInPath(next: string = window.location.pathname + window.location.search): string {
  return next === '/' || next.startsWith('/sign-in') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

const session: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (!SAFE_METHODS.has(request.method) && token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
  onResponse({ request, response }) {
    // An expired or revoked session: back to sign-in (a full load, so no cached data outlives it).
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/')) {
      window.location.assign(signInPath());
    }
    return response;
  },
};

/** The typed client of the API's /v1 routes, authenticated by the session cookie. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a call, or an ApiError in the API's error shape. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: string; message?: string; details?: ErrorDetail[] };
  throw new ApiError(
    response.status,
    body.error ?? `HTTP_${response.status}`,
    body.message ?? `The server answered ${response.status} ${response.statusText}`,
    body.details ?? [],
  );
}

/** Plain fetch for what is not JSON (HTML previews, workbooks), with the same session and CSRF handling. */
export async function fetchRaw(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = csrfToken();
  if (!SAFE_METHODS.has(init.method ?? 'GET') && token) headers.set(CSRF_HEADER, token);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (response.status === 401) window.location.assign(signInPath());
  return response;
}
