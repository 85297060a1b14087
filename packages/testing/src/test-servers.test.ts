import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  checkPostgres,
  checkRedis,
  checkTestServers,
  START_TEST_SERVERS,
  TEST_SERVER_DEFAULTS,
  testServerUrls,
} from './test-servers.js';

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const postgresLine = (port: number) =>
  `PostgreSQL does not answer at 127.0.0.1:${port}/postgres (connect ECONNREFUSED 127.0.0.1:${port}): ` +
  `${START_TEST_SERVERS}, or set DATABASE_URL to a server whose user can create databases.`;
const redisLine = (port: number) =>
  `Redis does not answer at 127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}): ${START_TEST_SERVERS}, or set REDIS_URL.`;

describe('testServerUrls', () => {
  it('needs nothing set: the local servers, the maintenance database of PostgreSQL', () => {
    expect(testServerUrls({ DATABASE_URL: ' ', REDIS_URL: '' })).toEqual({
      databaseUrl: 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
      redisUrl: 'redis://127.0.0.1:6379',
      databaseUrlIsSet: false,
    });
  });

  it('takes DATABASE_URL and REDIS_URL when set', () => {
    const env = { DATABASE_URL: 'postgres://u@db:5433/x', REDIS_URL: 'redis://cache:6380' };
    expect(testServerUrls(env)).toEqual({
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      databaseUrlIsSet: true,
    });
  });
});

describe('checkTestServers', () => {
  it('is silent when both servers answer', async () => {
    expect(await checkTestServers(process.env)).toEqual([]);
  });

  it('says in one line per server which one does not answer and what to run', async () => {
    const [postgresPort, redisPort] = [await closedPort(), await closedPort()];
    expect(await checkPostgres(`postgres://postgres@127.0.0.1:${postgresPort}/postgres`)).toBe(
      postgresLine(postgresPort),
    );
    expect(await checkRedis(`redis://127.0.0.1:${redisPort}`)).toBe(redisLine(redisPort));
  });

  it('runs before anything else in `pnpm test`: exit 1 with those lines, in seconds', async () => {
    const [postgresPort, redisPort] = [await closedPort(), await closedPort()];
    const env = {
      ...process.env,
      DATABASE_URL: TEST_SERVER_DEFAULTS.DATABASE_URL.replace(':5432/', `:${postgresPort}/`),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    };
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'packages/testing/src/preflight.ts'], {
      env,
    });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe(`${postgresLine(postgresPort)}\n${redisLine(redisPort)}\n`);
  });
});
