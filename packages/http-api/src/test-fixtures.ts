import { Writable } from 'node:stream';
import { adminUser } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { createRedisConnection } from '@reportmail/queue';
import { createSecretBox, generateKeyEntry, hashPassword, type SecretBox } from '@reportmail/secrets';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@reportmail/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Redis } from 'ioredis';
import { buildApp } from './app.js';
import { type ApiConfig, loadApiConfig } from './config.js';
import { type ApiQueues, closeApiQueues, createApiQueues } from './queues.js';

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_JWT_SECRET = 'a-test-secret-that-is-long-enough-0123456789';

export type TestUser = { id: string; email: string; token: string };
export type Caller = 'admin' | 'viewer' | 'anonymous';

export type ApiFixture = {
  app: FastifyInstance;
  config: ApiConfig;
  database: TestDatabase;
  redis: TestRedis;
  /** A command connection on the test Redis (e.g. to subscribe to change signals, read queues). */
  redisClient: Redis;
  queues: ApiQueues;
  secretBox: SecretBox;
  /** Every log line the app wrote, raw JSON text (to prove secrets never reach them). */
  logs: string[];
  admin: TestUser;
  viewer: TestUser;
  /** One request as the admin, the viewer or nobody (`payload` is the JSON body). */
  call: (
    caller: Caller,
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
  ) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

/**
 * The API over a fresh database and Redis prefix, with an admin and a viewer signed in, logs captured at
 * debug level. `env` overrides configuration (e.g. `SENDS_PER_MINUTE`).
 */
export async function createApiFixture(env: Record<string, string> = {}): Promise<ApiFixture> {
  const [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  const config = loadApiConfig({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    SECRETS_KEY: generateKeyEntry('test'),
    JWT_SECRET: TEST_JWT_SECRET,
    ALLOW_PRIVATE_SMTP: 'true',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ service: 'api', level: config.LOG_LEVEL, destination });
  const redisClient = createRedisConnection(redis.url, 'producer');
  const queueConnection = createRedisConnection(redis.url, 'producer');
  const queues = createApiQueues(queueConnection, redis.prefix);
  const secretBox = createSecretBox(config.SECRETS_KEY);
  const app = await buildApp({ config, database, logger, redis: redisClient, queues, secretBox });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const users = await database.db
    .insert(adminUser)
    .values([
      { email: 'owner@shop.example', passwordHash, role: 'admin' },
      { email: 'clerk@shop.example', passwordHash, role: 'viewer' },
    ])
    .returning();
  const signed = async (index: number): Promise<TestUser> => {
    const user = users[index] as (typeof users)[number];
    const token = await app.jwt.sign({ sub: user.id, role: user.role, email: user.email });
    return { id: user.id, email: user.email, token };
  };
  const [admin, viewer] = [await signed(0), await signed(1)];
  return {
    app,
    config,
    database,
    redis,
    redisClient,
    queues,
    secretBox,
    logs,
    admin,
    viewer,
    call: (caller, method, url, payload) =>
      app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
        headers:
          caller === 'anonymous' ? {} : { authorization: `Bearer ${(caller === 'admin' ? admin : viewer).token}` },
      }),
    close: async () => {
      await app.close();
      await closeApiQueues(queues);
      redisClient.disconnect();
      queueConnection.disconnect();
      await redis.cleanup();
      await database.drop();
    },
  };
}
