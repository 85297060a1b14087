import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createDatabase, type Database, defaultMigrationsFolder } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { createRedisConnection } from '@reportmail/queue';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeps, buildApp } from '../app.js';
import { type ApiFixture, createApiFixture, TEST_PASSWORD } from '../test-fixtures.js';

const READY = { status: 'ready', checks: { postgres: 'ok', redis: 'ok', migrations: 'ok' } };

/** The fixture's API, but with some dependencies swapped for unreachable ones; its log lines captured. */
async function appWith(fixture: ApiFixture, overrides: Partial<AppDeps>) {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ service: 'api', level: 'debug', destination });
  const app = await buildApp({
    config: fixture.config,
    database: fixture.database,
    logger,
    redis: fixture.redisClient,
    queues: fixture.queues,
    secretBox: fixture.secretBox,
    ...overrides,
  });
  return { app, logs };
}

const errorLines = (logs: string[]) => logs.map((line) => JSON.parse(line)).filter((entry) => entry.level >= 50);

describe('GET /ready', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('is ready when PostgreSQL and Redis answer and every migration is applied', async () => {
    const reply = await fixture.call('anonymous', 'GET', '/ready');
    expect([reply.statusCode, reply.json()]).toEqual([200, READY]);
  });

  it('names the migrations the database lacks', async () => {
    const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8'));
    const newest: string = journal.entries.at(-1).tag;
    const { sql } = fixture.database;
    const [last] = await sql<{ id: number; hash: string; createdAt: string }[]>`
      delete from drizzle.__drizzle_migrations
       where id = (select max(id) from drizzle.__drizzle_migrations)
       returning id, hash, created_at::text as "createdAt"`;
    try {
      const reply = await fixture.call('anonymous', 'GET', '/ready');
      expect([reply.statusCode, reply.json()]).toEqual([
        503,
        {
          status: 'not_ready',
          checks: { postgres: 'ok', redis: 'ok', migrations: `pending: ${newest}` },
        },
      ]);
    } finally {
      await sql`insert into drizzle.__drizzle_migrations (id, hash, created_at)
                values (${last?.id ?? 0}, ${last?.hash ?? ''}, ${last?.createdAt ?? '0'})`;
    }
    expect((await fixture.call('anonymous', 'GET', '/ready')).statusCode).toBe(200);
  });

  describe('with Redis on a closed port', () => {
    let redis: Redis;
    let app: FastifyInstance;
    let logs: string[];
    beforeAll(async () => {
      redis = createRedisConnection('redis://127.0.0.1:1', 'producer', { onError: () => {} });
      ({ app, logs } = await appWith(fixture, { redis }));
    });
    afterAll(async () => {
      await app.close();
      redis.disconnect();
    });

    it('is not ready and names Redis', async () => {
      const reply = await app.inject({ method: 'GET', url: '/ready' });
      expect([reply.statusCode, reply.json()]).toEqual([
        503,
        { status: 'not_ready', checks: { postgres: 'ok', redis: 'not answering', migrations: 'ok' } },
      ]);
    });

    it('fails a login closed with 503 (the rate limiter cannot count), logged at error', async () => {
      const reply = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'owner@shop.example', password: TEST_PASSWORD },
      });
      expect([reply.statusCode, reply.json()]).toEqual([
        503,
        { error: 'UNAVAILABLE', message: 'Redis is not answering', details: [] },
      ]);
      expect(reply.headers['retry-after']).toBe('5');
      expect(reply.headers['set-cookie']).toBeUndefined();
      expect(errorLines(logs).map((entry) => [entry.msg, entry.error?.message])).toEqual([
        ['Redis is not answering', "Stream isn't writeable and enableOfflineQueue options is false"],
      ]);
    });
  });

  describe('with PostgreSQL on a closed port', () => {
    let database: Database;
    let app: FastifyInstance;
    let logs: string[];
    beforeAll(async () => {
      database = createDatabase('postgres://postgres@127.0.0.1:1/reportmail', { connectTimeoutSeconds: 1 });
      ({ app, logs } = await appWith(fixture, { database }));
    });
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    it('is not ready and names PostgreSQL and the migrations it cannot read', async () => {
      const reply = await app.inject({ method: 'GET', url: '/ready' });
      expect([reply.statusCode, reply.json()]).toEqual([
        503,
        { status: 'not_ready', checks: { postgres: 'not answering', redis: 'ok', migrations: 'not answering' } },
      ]);
      expect(reply.headers['retry-after']).toBe('5');
    });

    it('answers a request that needs the database with 503, logged at error', async () => {
      const reply = await app.inject({
        method: 'GET',
        url: '/v1/me',
        headers: { authorization: `Bearer ${fixture.admin.token}` },
      });
      expect([reply.statusCode, reply.json()]).toEqual([
        503,
        { error: 'UNAVAILABLE', message: 'PostgreSQL is not answering', details: [] },
      ]);
      expect(reply.headers['retry-after']).toBe('5');
      expect(errorLines(logs).map((entry) => [entry.msg, entry.error?.code])).toEqual([
        ['PostgreSQL is not answering', 'ECONNREFUSED'],
      ]);
    });
  });

  describe('with a Redis that accepts connections and never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    let redis: Redis;
    let app: FastifyInstance;
    beforeAll(async () => {
      silent = createServer((socket) => sockets.push(socket)).listen(0, '127.0.0.1');
      await once(silent, 'listening');
      const { port } = silent.address() as { port: number };
      redis = createRedisConnection(`redis://127.0.0.1:${port}`, 'producer', {
        onError: () => {},
        enableOfflineQueue: true,
      });
      ({ app } = await appWith(fixture, { redis }));
    });
    afterAll(async () => {
      await app.close();
      redis.disconnect();
      for (const socket of sockets) socket.destroy();
      silent.close();
    });

    it('gives up on the check after 2 seconds instead of hanging', async () => {
      const started = Date.now();
      const reply = await app.inject({ method: 'GET', url: '/ready' });
      expect([reply.statusCode, reply.json()]).toEqual([
        503,
        { status: 'not_ready', checks: { postgres: 'ok', redis: 'timed out after 2000 ms', migrations: 'ok' } },
      ]);
      expect(Date.now() - started).toBeLessThan(3_000);
    });
  });
});
