import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConfigError,
  databaseUrl,
  envFlag,
  envInteger,
  eventLoopStallMs,
  loadConfig,
  logLevel,
  readDotEnv,
  redisPrefix,
  redisUrl,
  secretsKey,
  timeZone,
  withDotEnv,
  workerLockTimings,
} from './index.js';

const shape = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  REPORT_TIMEZONE: timeZone,
};

describe('loadConfig', () => {
  it('applies defaults and treats empty strings as unset', () => {
    const config = loadConfig(shape, {
      DATABASE_URL: 'postgres://x@h/db',
      REDIS_URL: '',
      LOG_LEVEL: ' ',
    });
    expect(config).toEqual({
      DATABASE_URL: 'postgres://x@h/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
      REPORT_TIMEZONE: 'Asia/Manila',
    });
  });

  it('lists every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig(shape, {
        REDIS_URL: 'http://nope',
        LOG_LEVEL: 'loud',
        REPORT_TIMEZONE: 'Mars/Olympus',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'REPORT_TIMEZONE']);
    expect((caught as ConfigError).message).toContain('REPORT_TIMEZONE must be an IANA time zone');
  });

  it('validates SECRETS_KEY entries', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ SECRETS_KEY: secretsKey }, { SECRETS_KEY: `k2:${key},k1:${key}` }).SECRETS_KEY).toBe(
      `k2:${key},k1:${key}`,
    );
    expect(() => loadConfig({ SECRETS_KEY: secretsKey }, { SECRETS_KEY: 'short' })).toThrow(/SECRETS_KEY must be/);
  });

  it('reads empty numbers and prefixes as unset, and names a number out of range', () => {
    const workerShape = { REDIS_PREFIX: redisPrefix, CONCURRENCY: envInteger(1, 16, 2), ...workerLockTimings };
    expect(loadConfig(workerShape, { REDIS_PREFIX: ' ', CONCURRENCY: '', WORKER_LOCK_DURATION_MS: '' })).toEqual({
      REDIS_PREFIX: 'reportmail',
      CONCURRENCY: 2,
      WORKER_LOCK_DURATION_MS: 30_000,
      WORKER_STALLED_INTERVAL_MS: 30_000,
    });
    expect(() => loadConfig(workerShape, { CONCURRENCY: '17' })).toThrow(/CONCURRENCY Too big/i);
  });
});

describe('eventLoopStallMs', () => {
  it('defaults to 30 s and refuses less than 1 s', () => {
    const stallShape = { EVENT_LOOP_STALL_MS: eventLoopStallMs };
    expect(loadConfig(stallShape, {}).EVENT_LOOP_STALL_MS).toBe(30_000);
    expect(loadConfig(stallShape, { EVENT_LOOP_STALL_MS: '5000' }).EVENT_LOOP_STALL_MS).toBe(5_000);
    expect(() => loadConfig(stallShape, { EVENT_LOOP_STALL_MS: '999' })).toThrow(/EVENT_LOOP_STALL_MS Too small/i);
  });
});

describe('envFlag', () => {
  it.each([
    [undefined, true, true],
    ['', false, false],
    [' ', true, true],
    ['false', true, false],
    ['0', true, false],
    ['true', false, true],
    ['1', false, true],
  ])('%j with fallback %s is %s', (value, fallback, expected) => {
    expect(loadConfig({ FLAG: envFlag(fallback) }, { FLAG: value }).FLAG).toBe(expected);
  });

  it('names the variable for anything else', () => {
    expect(() => loadConfig({ FLAG: envFlag(false) }, { FLAG: 'yes' })).toThrow('FLAG must be true or false');
  });
});

describe('.env', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reportmail-config-'));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it("is read with Node's parser (comments, quotes), and no file is no variables", async () => {
    expect(readDotEnv(dir)).toEqual({});
    await writeFile(join(dir, '.env'), '# local\nLOG_LEVEL=debug\nCURRENCY_SYMBOL="$ "\nEMPTY=\n');
    expect(readDotEnv(dir)).toEqual({ LOG_LEVEL: 'debug', CURRENCY_SYMBOL: '$ ', EMPTY: '' });
  });

  it('reaches the parsed config of a service, under every variable the environment sets', async () => {
    const file = 'DATABASE_URL=postgres://file@h/db\nLOG_LEVEL=debug\nREPORT_TIMEZONE=Europe/Berlin\n';
    await writeFile(join(dir, '.env'), file);
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('LOG_LEVEL', 'warn');
    vi.stubEnv('REPORT_TIMEZONE', undefined);
    // The services' loaders pass process.env itself: that is what picks the file up.
    expect(loadConfig(shape, process.env)).toEqual({
      DATABASE_URL: 'postgres://file@h/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'warn',
      REPORT_TIMEZONE: 'Europe/Berlin',
    });
  });

  it('is left out of an environment given as an object (tests, a parent process)', async () => {
    await writeFile(join(dir, '.env'), 'LOG_LEVEL=debug\nHOST=\n');
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    expect(loadConfig(shape, { DATABASE_URL: 'postgres://x@h/db' }).LOG_LEVEL).toBe('info');
    expect(withDotEnv({ LOG_LEVEL: ' ', A: 'a' }, dir)).toEqual({ LOG_LEVEL: 'debug', A: 'a' });
  });
});
