import { createHmac } from 'node:crypto';
import { adminUser, auditLog } from '@reportmail/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture, TEST_JWT_SECRET, TEST_PASSWORD } from '../test-fixtures.js';

const SIGN_IN = {
  error: 'UNAUTHENTICATED',
  message: 'Sign in at /sign-in?next=%2Fadmin%2Fqueues: the session is missing, expired or invalid',
  details: [],
};
const ADMINS_ONLY = { error: 'FORBIDDEN', message: 'The queues need the admin role', details: [] };

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An HS256 token signed by hand with the app's secret, to try claims the app would never issue. */
function forge(claims: object): string {
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
}

describe('Bull Board at /admin/queues', () => {
  let fixture: ApiFixture;
  let app: FastifyInstance;
  let adminCookie: string;
  let viewerCookie: string;

  /** Signs in through POST /auth/login and returns the session cookie value it set. */
  const signIn = async (email: string) => {
    const reply = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: TEST_PASSWORD } });
    expect(reply.statusCode).toBe(200);
    const cookie = reply.cookies.find((c) => c.name === 'reportmail_session');
    return cookie?.value ?? '';
  };
  const get = (url: string, session?: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'GET',
      url,
      headers,
      ...(session === undefined ? {} : { cookies: { reportmail_session: session } }),
    });

  beforeAll(async () => {
    fixture = await createApiFixture();
    app = fixture.app;
    adminCookie = await signIn('owner@shop.example');
    viewerCookie = await signIn('clerk@shop.example');
  });
  afterAll(() => fixture.close());

  it('sends the old sign-in address to the console’s sign-in, which comes back to the queues', async () => {
    const reply = await get('/admin/login');
    expect([reply.statusCode, reply.headers.location]).toEqual([301, '/sign-in?next=%2Fadmin%2Fqueues']);
  });

  it('opens for an admin session: the page, its scripts and styles, and the queues API', async () => {
    const page = await get('/admin/queues', adminCookie);
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('<base href="/admin/queues/" />');
    const assets = [...page.body.matchAll(/(?:src|href)="(static\/(?:js|css)\/[\w.-]+)"/g)].map((m) => m[1]);
    expect(assets.filter((asset) => asset?.endsWith('.css'))).toHaveLength(1);
    expect(assets.filter((asset) => asset?.endsWith('.js')).length).toBeGreaterThan(0);
    for (const asset of assets) {
      const reply = await get(`/admin/queues/${asset}`, adminCookie);
      const type = asset?.endsWith('.css') ? 'text/css; charset=utf-8' : 'application/javascript; charset=utf-8';
      expect([asset, reply.statusCode, reply.headers['content-type']]).toEqual([asset, 200, type]);
    }
    const api = await get('/admin/queues/api/queues', adminCookie);
    expect(api.statusCode).toBe(200);
    expect(
      api
        .json()
        .queues.map((queue: { name: string }) => queue.name)
        .sort(),
    ).toEqual(['mail-delivery', 'report-generation']);
  });

  it.each([
    ['no cookie', undefined],
    ['a tampered cookie', 'tampered'],
    ['an expired cookie', 'expired'],
    ['a cookie signed with another key', 'foreign'],
  ])('sends %s to the sign-in page (HTML) or answers 401 (API)', async (_, kind) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: fixture.admin.id, role: 'admin', email: fixture.admin.email, iss: 'reportmail' };
    const session = {
      tampered: `${adminCookie.slice(0, -2)}${adminCookie.endsWith('AA') ? 'BB' : 'AA'}`,
      expired: forge({ ...claims, aud: 'reportmail-admin', iat: now - 7200, exp: now - 3600 }),
      foreign: `${adminCookie.split('.').slice(0, 2).join('.')}.${createHmac('sha256', 'x').digest('base64url')}`,
    }[kind ?? ''];
    for (const url of ['/admin/queues', '/admin/queues/queue/report-generation', '/admin/queues/static/favicon.ico']) {
      const reply = await get(url, session);
      expect([url, reply.statusCode, reply.headers.location]).toEqual([url, 302, '/sign-in?next=%2Fadmin%2Fqueues']);
    }
    const api = await get('/admin/queues/api/queues', session);
    expect([api.statusCode, api.json()]).toEqual([401, SIGN_IN]);
  });

  it('does not open for a bearer token alone (it is a browser UI: the session cookie opens it)', async () => {
    const authorization = `Bearer ${fixture.admin.token}`;
    expect((await get('/admin/queues', undefined, { authorization })).statusCode).toBe(302);
    expect((await get('/admin/queues/api/queues', undefined, { authorization })).statusCode).toBe(401);
  });

  it("refuses a viewer's session with 403", async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
      const reply = await get(url, viewerCookie);
      expect([url, reply.statusCode, reply.json()]).toEqual([url, 403, ADMINS_ONLY]);
    }
  });

  it('audits what an admin changes there (a same-origin write from its page)', async () => {
    const reply = await app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/report-generation/pause',
      cookies: { reportmail_session: adminCookie },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(reply.statusCode).toBe(200);
    expect(await fixture.queues.reports.isPaused()).toBe(true);
    await fixture.queues.reports.resume();
    // Written by an onResponse hook: the reply may reach the test before the entry is committed.
    const audited = async () => {
      const entries = await fixture.database.db.select().from(auditLog).where(eq(auditLog.action, 'queue.action'));
      return entries.map(({ actorId, target, details }) => ({ actorId, target, details }));
    };
    await expect.poll(audited).toEqual([
      {
        actorId: fixture.admin.id,
        target: 'queue:report-generation',
        details: { method: 'PUT', path: '/admin/queues/api/queues/report-generation/pause' },
      },
    ]);
  });

  it.each([
    ['another site (Sec-Fetch-Site)', { 'sec-fetch-site': 'cross-site' }],
    ['another origin (Origin)', { origin: 'https://evil.example' }],
    ['no origin at all', {}],
  ])('refuses a cookie-authenticated write from %s, changing nothing', async (_, headers) => {
    const reply = await app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/report-generation/pause',
      cookies: { reportmail_session: adminCookie },
      headers,
    });
    expect([reply.statusCode, reply.json().error]).toEqual([403, 'CSRF_REJECTED']);
    expect(await fixture.queues.reports.isPaused()).toBe(false);
  });

  it('takes a write whose Origin is this server', async () => {
    const reply = await app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/report-generation/pause',
      cookies: { reportmail_session: adminCookie },
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
    });
    expect(reply.statusCode).toBe(200);
    await fixture.queues.reports.resume();
  });

  it('closes at once for an admin who is disabled or demoted', async () => {
    const [second] = await fixture.database.db
      .insert(adminUser)
      .values({ email: 'second@shop.example', passwordHash: 'x', role: 'admin' })
      .returning();
    const id = second?.id ?? '';
    const session = await app.jwt.sign({ sub: id, role: 'admin', email: 'second@shop.example' });
    expect((await get('/admin/queues', session)).statusCode).toBe(200);
    await fixture.database.db.update(adminUser).set({ role: 'viewer' }).where(eq(adminUser.id, id));
    expect((await get('/admin/queues', session)).statusCode).toBe(403);
    await fixture.database.db.update(adminUser).set({ disabledAt: new Date() }).where(eq(adminUser.id, id));
    expect((await get('/admin/queues', session)).statusCode).toBe(302);
  });

  it('POST /auth/logout clears the session and CSRF cookies', async () => {
    const reply = await app.inject({ method: 'POST', url: '/auth/logout' });
    expect(reply.statusCode).toBe(204);
    const cleared = reply.cookies.map((c) => [c.name, c.value, c.path, c.expires?.getTime()]);
    expect(cleared).toEqual([
      ['reportmail_session', '', '/', 0],
      ['reportmail_csrf', '', '/', 0],
    ]);
  });
});
