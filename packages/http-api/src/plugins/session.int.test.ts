import { reportSchedule } from '@reportmail/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture, TEST_PASSWORD } from '../test-fixtures.js';

type Session = { session: string; csrf: string };
const NEW_SCHEDULE = { name: 'Daily takings', frequency: 'daily' };

describe('the browser session (console, Bull Board, Swagger UI) and its CSRF protection', () => {
  let fixture: ApiFixture;
  let app: FastifyInstance;
  let owner: Session;
  let clerk: Session;

  const signIn = async (email: string) => {
    const reply = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: TEST_PASSWORD } });
    const value = (name: string) => reply.cookies.find((cookie) => cookie.name === name)?.value ?? '';
    return { reply, session: value('reportmail_session'), csrf: value('reportmail_csrf') };
  };
  const createSchedule = (who: Session | null, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/schedules',
      payload: NEW_SCHEDULE,
      headers,
      ...(who ? { cookies: { reportmail_session: who.session } } : {}),
    });
  const schedulesSaved = async () => (await fixture.database.db.select().from(reportSchedule)).length;

  beforeAll(async () => {
    fixture = await createApiFixture();
    app = fixture.app;
    owner = await signIn('owner@shop.example');
    clerk = await signIn('clerk@shop.example');
  });
  afterAll(() => fixture.close());

  it('signing in sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie, both for the whole site', async () => {
    const { reply } = await signIn('owner@shop.example');
    const cookies = reply.cookies.map(({ name, path, httpOnly, sameSite }) => ({ name, path, httpOnly, sameSite }));
    expect(cookies).toEqual([
      { name: 'reportmail_session', path: '/', httpOnly: true, sameSite: 'Strict' },
      { name: 'reportmail_csrf', path: '/', httpOnly: undefined, sameSite: 'Strict' },
    ]);
  });

  it('the cookie alone reads the /v1 routes', async () => {
    const reply = await app.inject({ method: 'GET', url: '/v1/me', cookies: { reportmail_session: owner.session } });
    expect([reply.statusCode, reply.json().email]).toEqual([200, 'owner@shop.example']);
  });

  it.each([
    ['no token', {}, 'The request has no x-csrf-token header'],
    ['a made-up token', { 'x-csrf-token': 'made-up' }, 'The x-csrf-token header does not match this session'],
  ])('refuses a cookie-authenticated write with %s, saving nothing', async (_, headers, why) => {
    const reply = await createSchedule(owner, headers);
    expect([reply.statusCode, reply.json()]).toEqual([
      403,
      {
        error: 'CSRF_REJECTED',
        message: `${why}: reload the console and try again (scripts use a bearer token)`,
        details: [],
      },
    ]);
    expect(await schedulesSaved()).toBe(0);
  });

  it("refuses another session's token (each token belongs to its session)", async () => {
    const reply = await createSchedule(owner, { 'x-csrf-token': clerk.csrf });
    expect([reply.statusCode, reply.json().error]).toEqual([403, 'CSRF_REJECTED']);
    expect(await schedulesSaved()).toBe(0);
  });

  it("takes the write with the session's own token", async () => {
    const reply = await createSchedule(owner, { 'x-csrf-token': owner.csrf });
    expect([reply.statusCode, reply.json().name]).toEqual([201, 'Daily takings']);
    expect(await schedulesSaved()).toBe(1);
  });

  it('keeps roles: a viewer’s session with its token is still refused a write', async () => {
    const reply = await createSchedule(clerk, { 'x-csrf-token': clerk.csrf });
    expect([reply.statusCode, reply.json().error]).toEqual([403, 'FORBIDDEN']);
  });

  it('a bearer token needs no CSRF token, and an invalid bearer never falls back to the cookie', async () => {
    const bearer = await createSchedule(null, { authorization: `Bearer ${fixture.admin.token}` });
    expect(bearer.statusCode).toBe(201);
    const forged = await createSchedule(owner, { authorization: 'Bearer not-a-token', 'x-csrf-token': owner.csrf });
    expect([forged.statusCode, forged.json().error]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('an expired session is a 401, which sends the console back to sign-in', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await app.jwt.sign({
      sub: fixture.admin.id,
      role: 'admin',
      email: fixture.admin.email,
      iat: now - 7200,
      exp: now - 3600,
    } as never);
    const reply = await app.inject({ method: 'GET', url: '/v1/me', cookies: { reportmail_session: expired } });
    expect([reply.statusCode, reply.json().error]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
