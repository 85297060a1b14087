import { createHmac } from 'node:crypto';
import { adminUser } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { createTestDatabase, type TestDatabase } from '@reportmail/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { hashPassword } from './auth/passwords.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const AUTH = { secret: SECRET, issuer: 'reportmail', audience: 'reportmail-admin', expiresIn: '1h' };
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed by hand, so every way of forging one can be tried. */
function forge(header: object, claims: object, secret = SECRET, algorithm = 'sha256'): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac(algorithm, secret).update(unsigned).digest('base64url')}`;
}

describe('the admin API: login and tokens', () => {
  let database: TestDatabase;
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
    database = await createTestDatabase();
    const [row] = await database.db
      .insert(adminUser)
      .values({ email: 'Owner@Shop.example', passwordHash: await hashPassword('correct horse'), role: 'admin' })
      .returning({ id: adminUser.id });
    userId = row?.id as string;
    app = await buildApp({ database, logger: createLogger({ service: 'test', level: 'silent' }), auth: AUTH });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('answers /health', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
  });

  it('logs in with the right password (email case-insensitive) and the token works', async () => {
    const reply = await login({ email: 'owner@shop.example', password: 'correct horse' });
    expect(reply.statusCode).toBe(200);
    const { token, role } = reply.json();
    expect(role).toBe('admin');
    expect((await me(token)).json()).toEqual({ id: userId, email: 'Owner@Shop.example', role: 'admin' });
  });

  it.each([
    ['a wrong password', { email: 'owner@shop.example', password: 'wrong' }],
    ['an unknown email', { email: 'nobody@shop.example', password: 'correct horse' }],
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
    ).toEqual(['body', 'body.password']);
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
