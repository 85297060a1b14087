import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  databaseUrl,
  envFlag,
  envInteger,
  eventLoopStallMs,
  loadConfig,
  logLevel,
  redisPrefix,
  redisUrl,
  secretsKey,
  timeZone,
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
