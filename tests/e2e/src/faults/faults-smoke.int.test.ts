// The short version of `pnpm faults` (in two files, so vitest runs them side by side): each scenario with
// small numbers, its rules asserted (nothing lost, nothing doubled, what the scenario adds). The full runs
// and their figures stay in `pnpm faults`; scenarios 3 and 9 are short-tested by the scheduler's fencing
// tests and the two-scheduler failover test, 4 and 6 by the Redis and PostgreSQL restart tests.
import { canRunOwnRedisServer } from '@reportmail/testing';
import { describe, expect, it } from 'vitest';
import { outboxFull } from './outbox-full.js';
import { redisRestartedEmpty } from './redis-empty.js';
import type { Scenario } from './scenario.js';
import { smtpReplies } from './smtp-replies.js';

const smoke = (scenario: Scenario) => scenario.run({ smoke: true, log: () => undefined });

// Each scenario runs on a redis-server of its own (Debian's package, which .ci/run installs).
describe.skipIf(!canRunOwnRedisServer())('pnpm faults, short version: servers', () => {
  it('5: Redis restarted empty: job schedulers rebuilt, lost jobs re-driven, 0 lost, 0 doubled', async () => {
    const result = await smoke(redisRestartedEmpty);
    expect(result.violations).toEqual([]);
    expect([result.expected, result.accepted, result.lost, result.duplicates]).toEqual([10, 10, 0, 0]);
  }, 180_000);

  it('7: SMTP replies at several stages end as README’s table says, with their attempts', async () => {
    const result = await smoke(smtpReplies);
    expect(result.violations).toEqual([]);
    expect([result.lost, result.duplicates]).toEqual([0, 0]);
  }, 180_000);

  it.skipIf(process.getuid?.() !== 0)(
    '8: outbox on a full file system: retried, whole files only, written once',
    async () => {
      const result = await smoke(outboxFull);
      expect(result.violations).toEqual([]);
      expect([result.expected, result.accepted, result.lost, result.duplicates]).toEqual([30, 30, 0, 0]);
    },
    180_000,
  );
});
