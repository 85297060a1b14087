import { createHmac } from 'node:crypto';
import { adminUser } from '@reportmail/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERVISOR_PROBE_AGENT } from './app.js';
import { type ApiFixture, createApiFixture, TEST_JWT_SECRET, TEST_PASSWORD } from './test-fixtures.js';

const SECRET = TEST_JWT_SECRET;
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed by hand, so every way of forging one can be tried. */
function forge(header: object, claims: object, secret = SECRET, algorithm = 'sha256'): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac(algorithm, secret).update(unsigned).digest('base64url')}`;
}

describe('the admin API: login and tokens', () => {
  let fixture: ApiFixture;
  let app: FastifyInstance;
  let userId: string;
  const claims = () => ({
    sub: userId,
    role: 'admin',
    email: 'owner@shop.example',
    iss: 'reportmail',
    aud: 'reportmail-admin',
    iat: now(),
    exp: now() + 600,
  });
  const me = (token: string) =>
    app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
  const login = (body: unknown) => app.inject({ method: 'POST', url: '/auth/login', payload: body as object });

  beforeAll(async () => {
    fixture = await createApiFixture({ LOGIN_ATTEMPTS_PER_15_MIN: '6' });
    app = fixture.app;
    userId = fixture.admin.id;
  });
  afterAll(async () => fixture.close());

  it('answers /health', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
  });

  it('logs in with the right password (email case-insensitive) and the token works', async () => {
    const reply = await login({ email: 'OWNER@shop.example', password: TEST_PASSWORD });
    expect(reply.statusCode).toBe(200);
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(
      /^reportmail_session=[\w.-]+; Path=\/; HttpOnly; SameSite=Strict,reportmail_csrf=[\w-]+; Path=\/; SameSite=Strict$/,
    );
    const { token, role } = reply.json();
    expect(role).toBe('admin');
    expect((await me(token)).json()).toEqual({ id: userId, email: 'owner@shop.example', role: 'admin' });
  });

  it.each([
    ['a wrong password', { email: 'owner@shop.example', password: 'wrong' }],
    ['an unknown email', { email: 'nobody@shop.example', password: TEST_PASSWORD }],
  ])('refuses %s with the same 401', async (_, body) => {
    const reply = await login(body);
    expect([reply.statusCode, reply.json()]).toEqual([
      401,
      { error: 'UNAUTHENTICATED', message: 'Wrong email or password', details: [] },
    ]);
  });

  it('names the bad field and rejects unknown ones, never a 500', async () => {
    const reply = await login({ email: 'owner@shop.example', password: '', admin: true });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toBe('VALIDATION');
    expect(
      reply
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.admin', 'body.password']);
  });

  it.each([
    ['no token', null],
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'admin' })}.`],
    ['HS512', () => forge({ alg: 'HS512', typ: 'JWT' }, claims(), SECRET, 'sha512')],
    ['RS256 header on an HMAC signature', () => forge({ alg: 'RS256', typ: 'JWT' }, claims())],
    ['another secret', () => forge({ alg: 'HS256', typ: 'JWT' }, claims(), 'another-secret-another-secret-0123')],
    ['wrong issuer', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iss: 'evil' })],
    ['wrong audience', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claims(), aud: 'other-app' })],
    ['expired', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iat: now() - 7200, exp: now() - 3600 })],
    ['not yet valid', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claims(), nbf: now() + 3600 })],
    ['no expiry', () => forge({ alg: 'HS256', typ: 'JWT' }, { ...claims(), exp: undefined })],
    ['truncated', () => forge({ alg: 'HS256', typ: 'JWT' }, claims()).slice(0, -5)],
    ['empty', ''],
  ])('refuses a token with %s: 401', async (_, token) => {
    const value = typeof token === 'function' ? token() : token;
    const reply = value === null ? await app.inject({ method: 'GET', url: '/v1/me' }) : await me(value);
    expect([reply.statusCode, reply.json().error]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('accepts a well-formed token it did not issue through login (the forging helper is honest)', async () => {
    expect((await me(forge({ alg: 'HS256', typ: 'JWT' }, claims()))).statusCode).toBe(200);
  });
});

describe('the admin API: users who lose access, and login limits', () => {
  let fixture: ApiFixture;
  const login = (email: string, password: string, remoteAddress: string) =>
    fixture.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, remoteAddress });

  beforeAll(async () => {
    fixture = await createApiFixture({ LOGIN_ATTEMPTS_PER_15_MIN: '3' });
  });
  afterAll(async () => fixture.close());

  it('reads the role from the database: a demoted user is a viewer, a disabled one is out, at once', async () => {
    const [user] = await fixture.database.db
      .insert(adminUser)
      .values({ email: 'temp@shop.example', passwordHash: 'unused', role: 'admin' })
      .returning();
    const token = await fixture.app.jwt.sign({ sub: user?.id as string, role: 'admin', email: 'temp@shop.example' });
    const me = () =>
      fixture.app.inject({ method: 'GET', url: '/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).json().role).toBe('admin');
    await fixture.database.db
      .update(adminUser)
      .set({ role: 'viewer' })
      .where(eq(adminUser.id, user?.id as string));
    expect((await me()).json().role).toBe('viewer');
    await fixture.database.db
      .update(adminUser)
      .set({ disabledAt: new Date() })
      .where(eq(adminUser.id, user?.id as string));
    expect([(await me()).statusCode, (await me()).json().error]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('limits attempts per email, whatever address they come from, even with the right password', async () => {
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      expect((await login('owner@shop.example', 'guess', address)).statusCode).toBe(401);
    }
    const blocked = await login('Owner@Shop.example', TEST_PASSWORD, '10.0.0.4');
    expect([blocked.statusCode, blocked.json().error]).toEqual([429, 'RATE_LIMITED']);
    expect((await login('clerk@shop.example', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
  });

  it('limits attempts per address, whatever emails they try', async () => {
    for (const email of ['a@shop.example', 'b@shop.example', 'c@shop.example']) {
      expect((await login(email, 'guess', '10.0.9.9')).statusCode).toBe(401);
    }
    const blocked = await login('clerk@shop.example', TEST_PASSWORD, '10.0.9.9');
    expect([blocked.statusCode, blocked.json().error]).toEqual([429, 'RATE_LIMITED']);
    expect(blocked.json().message).toMatch(/^Too many requests: try again in \d+ (seconds|minutes)$/);
  });
});

describe('the admin API behind one reverse proxy (TRUST_PROXY=1)', () => {
  let fixture: ApiFixture;
  /** What the proxy on 127.0.0.1 forwards: whatever the client wrote in X-Forwarded-For, then its address. */
  const viaProxy = (clientWrote: string, clientAddress: string, email: string) =>
    fixture.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email, password: 'guess' },
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': `${clientWrote}, ${clientAddress}` },
    });

  beforeAll(async () => {
    fixture = await createApiFixture({ TRUST_PROXY: '1', LOGIN_ATTEMPTS_PER_15_MIN: '3' });
  });
  afterAll(async () => fixture.close());

  it('limits a client by the address the proxy saw, whatever it puts first in X-Forwarded-For', async () => {
    const statuses = [];
    for (const [index, spoofed] of ['10.9.1.1', '10.9.1.2', '10.9.1.3', '10.9.1.4'].entries()) {
      statuses.push((await viaProxy(spoofed, '203.0.113.50', `sprayed${index}@shop.example`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another client behind the same proxy is not locked out by it.
    expect((await viaProxy('10.9.1.1', '203.0.113.51', 'other@shop.example')).statusCode).toBe(401);
    const logged = fixture.logs.join('');
    expect(logged).toContain('"remoteAddress":"203.0.113.50"');
    expect(logged).not.toContain('"remoteAddress":"10.9.1.');
  });
});

describe('the admin API: what its logs keep', () => {
  it('logs request URLs without signed-link signatures and never a login password', async () => {
    const fixture = await createApiFixture();
    try {
      await fixture.app.inject({ method: 'GET', url: '/health?expires=1&signature=SIGNATURE-CANARY&page=2' });
      const password = 'PASSWORD-CANARY-123';
      await fixture.app.inject({ method: 'POST', url: '/auth/login', payload: { email: 'x@shop.example', password } });
      const logs = fixture.logs.join('');
      expect(logs).toContain('"url":"/health?expires=1&signature=[redacted]&page=2"');
      expect(logs).not.toContain('SIGNATURE-CANARY');
      expect(logs).not.toContain(password);
      // The supervisor's probes every 5 s are not worth a line each.
      const before = fixture.logs.length;
      const headers = { 'user-agent': SUPERVISOR_PROBE_AGENT };
      expect((await fixture.app.inject({ method: 'GET', url: '/health', headers })).statusCode).toBe(200);
      expect(fixture.logs.length).toBe(before);
    } finally {
      await fixture.close();
    }
  });
});
