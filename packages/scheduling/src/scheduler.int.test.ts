import { once } from 'node:events';
import { reportSchedule, schedulerFence } from '@reportmail/db';
import { createLogger } from '@reportmail/logger';
import { createRedisConnection, publishScheduleChange } from '@reportmail/queue';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@reportmail/testing';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schedulerIdFor } from './job-ids.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import type { SyncOutcome } from './sync.js';
import { type EventRecorder, recordEvents } from './test-events.js';

const TTL_MS = 600;
const logger = createLogger({ service: 'test', level: 'silent' });
const synced = (outcome: SyncOutcome) => outcome.outcome === 'synced';

type Instance = { scheduler: Scheduler; events: EventRecorder; connection: Redis; subscriber: Redis };

describe('createScheduler: one leader among instances, on real PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let publisher: Redis;
  const instances: Instance[] = [];

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    publisher = createRedisConnection(redis.url, 'producer');
    // A producer connection queues nothing while it connects (enableOfflineQueue off): publish once it is up.
    if (publisher.status !== 'ready') await once(publisher, 'ready');
  });
  afterEach(async () => {
    for (const { scheduler, connection, subscriber } of instances.splice(0)) {
      await scheduler.stop();
      subscriber.disconnect();
      connection.disconnect();
    }
  });
  afterAll(async () => {
    await publisher.quit();
    await Promise.all([database.drop(), redis.cleanup()]);
  });

  /** An instance as its own process would have it; its command connection never reconnects, so it can "die". */
  const instance = (): Instance => {
    const connection = createRedisConnection(redis.url, 'worker', { retryStrategy: () => null, onError: () => {} });
    const subscriber = createRedisConnection(redis.url, 'worker', { onError: () => {} });
    const scheduler = createScheduler({
      db: database.db,
      connection,
      subscriber,
      prefix: redis.prefix,
      logger,
      leaderTtlMs: TTL_MS,
      reconcileIntervalMs: 60_000,
      catchUpWindowMs: 6 * 3_600_000,
      changeDelayMs: 20,
    });
    const created = { scheduler, events: recordEvents(scheduler.events), connection, subscriber };
    instances.push(created);
    return created;
  };
  const insertSchedule = async (sendTime: string) => {
    const [row] = await database.db
      .insert(reportSchedule)
      .values({ name: 'Daily', enabled: true, enabledAt: new Date(), frequency: 'daily', sendTime })
      .returning({ id: reportSchedule.id });
    if (!row) throw new Error('insert returned nothing');
    return row.id;
  };
  const startPair = async () => {
    const pair = [instance(), instance()];
    await Promise.all(pair.map(({ scheduler }) => scheduler.start()));
    const [leader, standby, ...others] = pair.sort(
      (a, b) => Number(b.scheduler.isLeader()) - Number(a.scheduler.isLeader()),
    );
    if (!leader || !standby || others.length > 0) throw new Error('expected two instances');
    return { leader, standby };
  };

  it('lets exactly one of two instances lead; the leader syncs at once, the standby never', async () => {
    const scheduleId = await insertSchedule('09:00');
    const { leader, standby } = await startPair();
    expect([leader.scheduler.isLeader(), standby.scheduler.isLeader()]).toEqual([true, false]);
    expect(await leader.events.waitFor('synced', synced)).toEqual([
      { outcome: 'synced', upserted: 1, removed: 0, unchanged: 0, invalid: 0 },
    ]);
    await leader.events.waitFor('caught-up');
    expect(await leader.scheduler.queue.getJobScheduler(schedulerIdFor(scheduleId))).toBeDefined();
    expect(standby.events.all('synced')).toEqual([]);
  });

  it('hands over within 2 × TTL when the leader dies without releasing the lock, and the new leader syncs', async () => {
    const { leader, standby } = await startPair();
    await leader.events.waitFor('synced', synced);
    const mark = standby.events.count();
    const died = Date.now();
    leader.connection.disconnect();

    await standby.events.waitFor('leadership', (isLeader) => isLeader, mark);
    expect(Date.now() - died).toBeLessThan(2 * TTL_MS);
    expect(await standby.events.waitFor('synced', synced, mark)).toEqual([
      { outcome: 'synced', upserted: 0, removed: 0, unchanged: 1, invalid: 0 },
    ]);
  });

  it('hands over at once when the leader stops cleanly', async () => {
    const { leader, standby } = await startPair();
    const mark = standby.events.count();
    const stopped = Date.now();
    await leader.scheduler.stop();
    await standby.events.waitFor('synced', synced, mark);
    expect(Date.now() - stopped).toBeLessThan(TTL_MS);
  });

  it('syncs a schedule as soon as its change is published', async () => {
    const { leader } = await startPair();
    await leader.events.waitFor('synced', synced);
    const mark = leader.events.count();
    const scheduleId = await insertSchedule('17:30');

    expect(await publishScheduleChange(publisher, redis.prefix, scheduleId)).toBe(2);

    expect(await leader.events.waitFor('synced', synced, mark)).toEqual([
      { outcome: 'synced', upserted: 1, removed: 0, unchanged: 1, invalid: 0 },
    ]);
    expect(await leader.scheduler.queue.getJobScheduler(schedulerIdFor(scheduleId))).toBeDefined();
  });

  it('renews its fence when Redis lost the fencing counter, instead of being refused forever', async () => {
    const only = instance();
    await only.scheduler.start();
    await only.events.waitFor('synced', synced);
    // As after a Redis restart without persistence: the counter began again below PostgreSQL's fence.
    await database.db.update(schedulerFence).set({ fence: 1_000 });
    const mark = only.events.count();

    await publishScheduleChange(publisher, redis.prefix);

    await only.events.waitFor('synced', (outcome) => outcome.outcome === 'stale', mark);
    expect(await only.events.waitFor('leadership', (isLeader) => isLeader, mark)).toEqual([true, 1_001]);
    await only.events.waitFor('synced', synced, mark);
    expect(await database.db.select({ fence: schedulerFence.fence }).from(schedulerFence)).toEqual([{ fence: 1_001 }]);
  });
});
