import { delivery, reportSchedule } from '@reportmail/db';
import { createLeaderLock, type LeaderLock } from '@reportmail/leader';
import { createLogger } from '@reportmail/logger';
import { encodeTiming, JOBS } from '@reportmail/queue';
import { reportPeriodForRun } from '@reportmail/schedules';
import type { TestDatabase, TestRedis } from '@reportmail/testing';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMissedRuns } from './catch-up.js';
import { schedulerIdFor } from './job-ids.js';
import { periodInputOf, timingOf } from './schedule-rows.js';
import { createLeaderFixture, type LeaderFixture } from './test-fixtures.js';

const logger = createLogger({ service: 'test', level: 'silent' });
const HOUR = 3_600_000;
/** 11:00 in Manila: the daily 09:00 run is two hours late. */
const NOW = new Date('2026-03-03T03:00:00Z');
const SLOT = new Date('2026-03-03T01:00:00Z');

describe('enqueueMissedRuns on real PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let connection: Redis;
  let queue: Queue;
  let lock: LeaderLock;
  let fixture: LeaderFixture;

  beforeAll(async () => {
    fixture = await createLeaderFixture();
    ({ database, redis, connection, queue, lock } = fixture);
  });
  afterEach(async () => {
    await database.db.delete(delivery);
    await database.db.delete(reportSchedule);
    await queue.obliterate({ force: true });
  });
  afterAll(() => fixture.close());

  const catchUp = (windowMs: number, now: Date) =>
    enqueueMissedRuns({ db: database.db, queue, lock, logger, windowMs }, now);
  const insertSchedule = async (values: Partial<typeof reportSchedule.$inferInsert> = {}) => {
    const [row] = await database.db
      .insert(reportSchedule)
      .values({
        name: 'Daily',
        enabled: true,
        enabledAt: new Date('2026-02-01T00:00:00Z'),
        frequency: 'daily',
        sendTime: '09:00',
        timezone: 'Asia/Manila',
        ...values,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  };
  const jobsFor = async (scheduleId: string) =>
    (await queue.getJobs(['waiting', 'delayed', 'prioritized']))
      .filter((job) => job.data.scheduleId === scheduleId)
      .map((job) => ({ id: job.id, name: job.name, data: job.data }));

  it('queues exactly one catch-up for a missed run within the window, however often it reconciles', async () => {
    const schedule = await insertSchedule();
    const jobId = `catch-up-${schedule.id}-${SLOT.getTime()}`;
    const job = { scheduleId: schedule.id, scheduledAt: SLOT.toISOString(), jobId };

    expect(await catchUp(6 * HOUR, NOW)).toEqual({ outcome: 'checked', enqueued: [job] });
    expect(await catchUp(6 * HOUR, new Date(NOW.getTime() + 60_000))).toEqual({ outcome: 'checked', enqueued: [] });

    expect(await jobsFor(schedule.id)).toEqual([
      {
        id: jobId,
        name: JOBS.generateReport,
        data: { scheduleId: schedule.id, scheduledAt: SLOT.toISOString(), trigger: 'catch_up' },
      },
    ]);
  });

  it('sends only the latest of several missed runs, never a burst', async () => {
    const schedule = await insertSchedule();
    const threeDaysLater = new Date(NOW.getTime() + 72 * HOUR);
    const outcome = await catchUp(96 * HOUR, threeDaysLater);
    expect(outcome).toEqual({
      outcome: 'checked',
      enqueued: [expect.objectContaining({ scheduledAt: '2026-03-06T01:00:00.000Z' })],
    });
    expect(await jobsFor(schedule.id)).toHaveLength(1);
  });

  it.each([
    ['outside the window (7 hours late)', { sendTime: '04:00' }, 6 * HOUR],
    ['with a window of 0 (never catch up)', {}, 0],
    ['from before the schedule was switched on', { enabledAt: new Date('2026-03-03T02:00:00Z') }, 6 * HOUR],
    [
      'from before it was created (never switched)',
      { enabledAt: null, createdAt: new Date('2026-03-03T02:00:00Z') },
      6 * HOUR,
    ],
    ['of a disabled schedule', { enabled: false }, 6 * HOUR],
    // NOW is 11:00 Manila; a run due at 10:59:30 is still the job scheduler's own to deliver.
    [
      'that came due less than a minute ago',
      { frequency: 'cron' as const, cronExpression: '30 59 10 * * *' },
      6 * HOUR,
    ],
  ])('queues nothing for a run %s', async (_, values, windowMs) => {
    const schedule = await insertSchedule(values);
    expect(await catchUp(windowMs, NOW)).toEqual({ outcome: 'checked', enqueued: [] });
    expect(await jobsFor(schedule.id)).toEqual([]);
  });

  it('queues nothing when the ledger already has a delivery for the period', async () => {
    const schedule = await insertSchedule();
    const period = reportPeriodForRun(periodInputOf(schedule), SLOT);
    await database.db.insert(delivery).values({
      scheduleId: schedule.id,
      trigger: 'scheduled',
      reportType: 'daily_sales',
      periodStart: period.start,
      periodEnd: period.end,
      timezone: period.timezone,
      status: 'sent',
    });
    expect(await catchUp(6 * HOUR, NOW)).toEqual({ outcome: 'checked', enqueued: [] });
    expect(await jobsFor(schedule.id)).toEqual([]);
  });

  it('queues nothing while the scheduler still holds its own job for the slot', async () => {
    const schedule = await insertSchedule();
    await queue.upsertJobScheduler(
      schedulerIdFor(schedule.id),
      { pattern: encodeTiming(timingOf(schedule)) },
      { name: JOBS.generateReport, data: { scheduleId: schedule.id, trigger: 'scheduled' } },
    );
    const slot = (await queue.getJobScheduler(schedulerIdFor(schedule.id)))?.next ?? 0;
    // The slot has passed but its job was not processed yet (no worker running): it will still run.
    expect(await catchUp(6 * HOUR, new Date(slot + 60_000))).toEqual({ outcome: 'checked', enqueued: [] });
  });

  it('queues nothing once its lock is gone', async () => {
    await insertSchedule();
    const lost = createLeaderLock({ redis: connection, key: `${redis.prefix}:other-leader`, ttlMs: 10_000 });
    expect(await enqueueMissedRuns({ db: database.db, queue, lock: lost, logger, windowMs: 6 * HOUR }, NOW)).toEqual({
      outcome: 'stale',
    });
    expect(await queue.count()).toBe(0);
  });
});
