// The short version of `pnpm faults` (in two files, so vitest runs them side by side): each scenario with
// small numbers, its rules asserted (nothing lost, nothing doubled, what the scenario adds). The full runs
// and their figures stay in `pnpm faults`; scenarios 3 and 9 are short-tested by the scheduler's fencing
// tests and the two-scheduler failover test, 4 and 6 by the Redis and PostgreSQL restart tests.
import { canRunOwnRedisServer } from '@reportmail/testing';
import { describe, expect, it } from 'vitest';
import { mailWorkerKills } from './mail-kills.js';
import type { Scenario } from './scenario.js';
import { sigtermInFlight } from './sigterm.js';
import { webhookOutage } from './webhook-outage.js';

const smoke = (scenario: Scenario) => scenario.run({ smoke: true, log: () => undefined });

// Each scenario runs on a redis-server of its own (Debian's package, which .ci/run installs).
describe.skipIf(!canRunOwnRedisServer())('pnpm faults, short version: processes killed and stopped', () => {
  it('1: mail worker SIGKILLed at random points: every delivery sent or unknown, none twice', async () => {
    const result = await smoke(mailWorkerKills);
    expect(result.violations).toEqual([]);
    expect([result.expected, result.lost, result.duplicates]).toEqual([15, 0, 0]);
  }, 180_000);

  it('10: SIGTERM with sends in flight: every process exits 0 in its grace period, then all sent once', async () => {
    const result = await smoke(sigtermInFlight);
    expect(result.violations).toEqual([]);
    expect([result.expected, result.accepted, result.lost, result.duplicates]).toEqual([10, 10, 0, 0]);
  }, 180_000);

  it('11: webhook receiver down, Slack silent, mail worker killed: every row sent once, the silent Slack ones unknown', async () => {
    const result = await smoke(webhookOutage);
    expect(result.violations).toEqual([]);
    expect([result.expected, result.accepted, result.lost, result.unknown, result.duplicates]).toEqual([
      16, 14, 0, 2, 0,
    ]);
  }, 180_000);
});
