import { reportSchedule, schedulerFence } from '@reportmail/db';
import { createLeaderLock, type LeaderLock } from '@reportmail/leader';
import { createLogger } from '@reportmail/logger';
import { nextRunAfter } from '@reportmail/schedules';
import type { TestDatabase, TestRedis } from '@reportmail/testing';
import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schedulerIdFor, slotJobId } from './job-ids.js';
import { timingOf } from './schedule-rows.js';
import { type SyncDeps, syncSchedules } from './sync.js';
import { createLeaderFixture, type LeaderFixture } from './test-fixtures.js';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('syncSchedules on real PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let connection: Redis;
  let queue: Queue;
  let lock: LeaderLock;
  let fixture: LeaderFixture;
  const ids = { daily: '', everyThreeDays: '', cron: '', disabled: '' };

  beforeAll(async () => {
    fixture = await createLeaderFixture();
    ({ database, redis, connection, queue, lock } = fixture);
  });
  afterAll(() => fixture.close());

  const deps = (): SyncDeps => ({ db: database.db, queue, lock, logger });
  const insertSchedule = async (values: Partial<typeof reportSchedule.$inferInsert>) => {
    const [row] = await database.db
      .insert(reportSchedule)
      .values({ name: 'Report', enabled: true, enabledAt: new Date(), frequency: 'daily', ...values })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  };
  const loadSchedule = async (id: string) => {
    const [row] = await database.db.select().from(reportSchedule).where(eq(reportSchedule.id, id));
    if (!row) throw new Error(`schedule ${id} is gone`);
    return row;
  };
  const expectedNextRun = async (id: string, after: Date) => nextRunAfter(timingOf(await loadSchedule(id)), after);
  const delayedJobs = async () =>
    (await queue.getDelayed()).map((job) => ({ id: job.id, timestamp: job.timestamp })).sort(byId);
  const schedulerKeys = async () => (await queue.getJobSchedulers()).map((scheduler) => scheduler.key).sort();
  /** Everything a sync may write, to prove that a refused one wrote nothing. */
  const snapshot = async () => ({
    schedulers: await queue.getJobSchedulers(),
    delayed: await delayedJobs(),
    schedules: await database.db.select().from(reportSchedule).orderBy(reportSchedule.id),
    fence: await database.db.select().from(schedulerFence),
  });

  it('creates one job scheduler per enabled schedule, with its next run in its own zone', async () => {
    ids.daily = (await insertSchedule({ sendTime: '09:00', timezone: 'Asia/Manila' })).id;
    ids.everyThreeDays = (
      await insertSchedule({
        frequency: 'every_3_days',
        sendTime: '09:00',
        timezone: 'America/New_York',
        anchorDate: '2026-03-02',
      })
    ).id;
    ids.cron = (
      await insertSchedule({ frequency: 'cron', cronExpression: '30 7 * * 1-5', timezone: 'Europe/London' })
    ).id;
    ids.disabled = (await insertSchedule({ enabled: false, enabledAt: null })).id;
    const before = new Date();

    expect(await syncSchedules(deps())).toEqual({
      outcome: 'synced',
      upserted: 3,
      removed: 0,
      unchanged: 0,
      invalid: 0,
    });

    const enabled = [ids.daily, ids.everyThreeDays, ids.cron];
    const nextRuns = await Promise.all(enabled.map((id) => expectedNextRun(id, before)));
    expect(await schedulerKeys()).toEqual(enabled.map(schedulerIdFor).sort());
    expect((await delayedJobs()).map((job) => job.id)).toEqual(
      enabled.map((id, index) => slotJobId(schedulerIdFor(id), nextRuns[index]?.getTime() ?? 0)).sort(),
    );
    const manilaTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Manila', timeStyle: 'short' });
    expect(manilaTime.format(nextRuns[0])).toBe('09:00');
    for (const [index, id] of enabled.entries()) expect((await loadSchedule(id)).nextRunAt).toEqual(nextRuns[index]);
    expect((await loadSchedule(ids.disabled)).nextRunAt).toBeNull();
  });

  it('leaves everything untouched when nothing changed, the pending jobs included', async () => {
    const before = await delayedJobs();
    expect(await syncSchedules(deps())).toEqual({
      outcome: 'synced',
      upserted: 0,
      removed: 0,
      unchanged: 3,
      invalid: 0,
    });
    expect(await delayedJobs()).toEqual(before);
  });

  it('moves the pending run when the send time changes, keeping one job for the schedule', async () => {
    await database.db.update(reportSchedule).set({ sendTime: '10:15' }).where(eq(reportSchedule.id, ids.daily));
    const before = new Date();
    expect(await syncSchedules(deps())).toEqual({
      outcome: 'synced',
      upserted: 1,
      removed: 0,
      unchanged: 2,
      invalid: 0,
    });
    const next = await expectedNextRun(ids.daily, before);
    const jobs = (await queue.getDelayed()).filter((job) => job.repeatJobKey === schedulerIdFor(ids.daily));
    expect(jobs.map((job) => job.id)).toEqual([slotJobId(schedulerIdFor(ids.daily), next.getTime())]);
    expect((await loadSchedule(ids.daily)).nextRunAt).toEqual(next);
  });

  it('restarts a scheduler whose pending job has gone missing', async () => {
    const schedulerId = schedulerIdFor(ids.cron);
    const next = (await queue.getJobScheduler(schedulerId))?.next ?? 0;
    // BullMQ refuses to remove a scheduler's pending job; losing it takes a fault, simulated on the keys.
    const jobId = slotJobId(schedulerId, next);
    await connection.zrem(queue.toKey('delayed'), jobId);
    await connection.del(queue.toKey(jobId));
    expect(await syncSchedules(deps())).toEqual({
      outcome: 'synced',
      upserted: 1,
      removed: 0,
      unchanged: 2,
      invalid: 0,
    });
    expect((await delayedJobs()).filter((job) => job.id?.startsWith(`repeat:${schedulerId}:`))).toHaveLength(1);
  });

  it('rebuilds every scheduler after Redis lost its data', async () => {
    await queue.obliterate({ force: true });
    expect(await syncSchedules(deps())).toEqual({
      outcome: 'synced',
      upserted: 3,
      removed: 0,
      unchanged: 0,
      invalid: 0,
    });
    expect(await delayedJobs()).toHaveLength(3);
  });

  it('removes the schedulers of disabled and deleted schedules, and clears their next run', async () => {
    // One run came due but no worker has started it: disabling the schedule must drop it too.
    const schedulerId = schedulerIdFor(ids.everyThreeDays);
    const due = slotJobId(schedulerId, (await queue.getJobScheduler(schedulerId))?.next ?? 0);
    await (await queue.getJob(due))?.promote();
    expect(await queue.getJobState(due)).toBe('waiting');
    await database.db.update(reportSchedule).set({ enabled: false }).where(eq(reportSchedule.id, ids.everyThreeDays));
    await database.db.delete(reportSchedule).where(eq(reportSchedule.id, ids.cron));
    expect(await syncSchedules(deps())).toEqual({
      outcome: 'synced',
      upserted: 0,
      removed: 2,
      unchanged: 1,
      invalid: 0,
    });
    expect(await schedulerKeys()).toEqual([schedulerIdFor(ids.daily)]);
    expect((await delayedJobs()).map((job) => job.id)).toEqual([
      slotJobId(schedulerIdFor(ids.daily), (await loadSchedule(ids.daily)).nextRunAt?.getTime() ?? 0),
    ]);
    expect((await loadSchedule(ids.everyThreeDays)).nextRunAt).toBeNull();
    expect(await queue.getJobState(due)).toBe('unknown');
  });

  it('schedules nothing for a timing that cannot run, and carries on with the others', async () => {
    const unanchored = await insertSchedule({ frequency: 'every_3_days', anchorDate: null });
    expect(await syncSchedules(deps())).toEqual({
      outcome: 'synced',
      upserted: 0,
      removed: 0,
      unchanged: 1,
      invalid: 1,
    });
    expect(await queue.getJobScheduler(schedulerIdFor(unanchored.id))).toBeUndefined();
    await database.db.delete(reportSchedule).where(eq(reportSchedule.id, unanchored.id));
  });

  it('runs a weekly schedule on its weekday, and says so in its pattern', async () => {
    const weekly = await insertSchedule({ frequency: 'weekly', weekday: 'wednesday', timezone: 'Asia/Manila' });
    expect(await syncSchedules(deps())).toMatchObject({ upserted: 1, removed: 0, invalid: 0 });
    const scheduler = await queue.getJobScheduler(schedulerIdFor(weekly.id));
    expect(JSON.parse(scheduler?.pattern ?? '{}')).toMatchObject({ frequency: 'weekly', weekday: 'wednesday' });
    const nextRunAt = (await loadSchedule(weekly.id)).nextRunAt ?? new Date(0);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Manila',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(local.format(nextRunAt)).toBe('Wednesday 09:00');
    await database.db.delete(reportSchedule).where(eq(reportSchedule.id, weekly.id));
    expect(await syncSchedules(deps())).toMatchObject({ upserted: 0, removed: 1, invalid: 0 });
  });

  it('changes nothing in PostgreSQL or Redis when a newer leader has written its fence', async () => {
    const mine = lock.fence() ?? 0;
    await database.db.update(schedulerFence).set({ fence: mine + 1 });
    await insertSchedule({ sendTime: '07:00' });
    await database.db.update(reportSchedule).set({ enabled: true }).where(eq(reportSchedule.id, ids.everyThreeDays));
    const before = await snapshot();

    const outcome = await syncSchedules(deps());

    expect(outcome).toEqual({
      outcome: 'stale',
      reason: `a newer leader wrote fence ${mine + 1}; this one holds ${mine}`,
      storedFence: mine + 1,
    });
    expect(await snapshot()).toEqual(before);
    await database.db.update(schedulerFence).set({ fence: mine });
  });

  it('changes nothing when the lock was lost while paused, before touching PostgreSQL', async () => {
    const key = `${redis.prefix}:paused-leader`;
    const paused = createLeaderLock({ redis: connection, key, ttlMs: 300, intervalMs: 60_000 });
    await paused.start();
    let tookOver: () => void = () => {};
    const newerLeader = new Promise<void>((resolve) => {
      tookOver = resolve;
    });
    const fresh = createLeaderLock({
      redis: connection,
      key,
      ttlMs: 300,
      onChange: (isLeader) => isLeader && tookOver(),
    });
    await fresh.start();
    await newerLeader;
    const before = await snapshot();

    expect(await syncSchedules({ ...deps(), lock: paused })).toEqual({
      outcome: 'stale',
      reason: 'the leader lock is no longer held',
    });
    expect(await snapshot()).toEqual(before);
    await Promise.all([paused.stop(), fresh.stop()]);
  });

  it('changes nothing when the lock is lost in the middle of the sync, after its fence was claimed', async () => {
    await database.db.update(schedulerFence).set({ fence: 0 });
    await insertSchedule({ sendTime: '06:30' });
    const before = await snapshot();
    const release = await holdScheduleTable();
    const key = `${redis.prefix}:stopped-mid-sync`;
    // A lease long enough for the sync to start under load; never renewed.
    const paused = createLeaderLock({ redis: connection, key, ttlMs: 1_000, intervalMs: 60_000 });
    await paused.start();
    const syncing = syncSchedules({ ...deps(), lock: paused });
    // Its transaction has claimed the fence and waits for the schedules: a leader stopped mid-sync.
    await untilWaitingOnLock();
    let tookOver: () => void = () => {};
    const newerLeader = new Promise<void>((resolve) => {
      tookOver = resolve;
    });
    const fresh = createLeaderLock({ redis: connection, key, ttlMs: 1_000, onChange: (is) => is && tookOver() });
    await fresh.start();
    await newerLeader;
    await release();

    expect(await syncing).toEqual({ outcome: 'stale', reason: 'the leader lock was lost during the sync' });
    expect(await snapshot()).toEqual(before);
    await Promise.all([paused.stop(), fresh.stop()]);
    await database.db.update(schedulerFence).set({ fence: lock.fence() ?? 0 });
  });

  /** Holds an exclusive lock on the schedules until the returned function is called (and commits). */
  const holdScheduleTable = () =>
    new Promise<() => Promise<void>>((held) => {
      const done: Promise<unknown> = database.sql.begin(async (tx) => {
        await tx`lock table reportmail.report_schedule in access exclusive mode`;
        await new Promise<void>((release) =>
          held(async () => {
            release();
            await done;
          }),
        );
      });
    });
  const untilWaitingOnLock = async () => {
    for (;;) {
      const [row] = await database.sql<{ waiting: number }[]>`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`;
      if ((row?.waiting ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
});

const byId = (a: { id?: string }, b: { id?: string }) => (a.id ?? '').localeCompare(b.id ?? '');
