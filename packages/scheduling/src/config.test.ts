import { ConfigError } from '@reportmail/config';
import { describe, expect, it } from 'vitest';
import { loadSchedulerConfig } from './config.js';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/reportmail';

describe('loadSchedulerConfig', () => {
  it('has defaults for everything but the database', () => {
    expect(loadSchedulerConfig({ DATABASE_URL })).toEqual({
      DATABASE_URL,
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
      EVENT_LOOP_STALL_MS: 30_000,
      REDIS_PREFIX: 'reportmail',
      LEADER_TTL_MS: 15_000,
      RECONCILE_INTERVAL_MS: 60_000,
      LEDGER_STALL_MS: 120_000,
      CATCH_UP_WINDOW_HOURS: 6,
    });
  });

  it('treats an empty value as unset, not as 0, and accepts 0 when written', () => {
    expect(loadSchedulerConfig({ DATABASE_URL, CATCH_UP_WINDOW_HOURS: ' ' }).CATCH_UP_WINDOW_HOURS).toBe(6);
    expect(loadSchedulerConfig({ DATABASE_URL, CATCH_UP_WINDOW_HOURS: '0' }).CATCH_UP_WINDOW_HOURS).toBe(0);
  });

  it('names every bad value at once', () => {
    const load = () =>
      loadSchedulerConfig({ LEADER_TTL_MS: '500', RECONCILE_INTERVAL_MS: '120000', CATCH_UP_WINDOW_HOURS: '-1' });
    expect(load).toThrow(ConfigError);
    const problems = (() => {
      try {
        load();
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((problem) => problem.split(' ')[0]);
      }
    })();
    expect(problems).toEqual(['DATABASE_URL', 'LEADER_TTL_MS', 'RECONCILE_INTERVAL_MS', 'CATCH_UP_WINDOW_HOURS']);
  });
});
