import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  createRedisConnection,
  publishScheduleChange,
  type ScheduleChange,
  scheduleChangesChannel,
  subscribeScheduleChanges,
} from '@reportmail/queue';
import { createTestRedis, type TestRedis } from '@reportmail/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The change signal lives in @reportmail/queue; it is tested here, beside its one listener.
describe('the schedule change signal on real Redis', () => {
  let redis: TestRedis;
  let publisher: Redis;
  let subscriber: Redis;

  beforeAll(async () => {
    redis = await createTestRedis();
    publisher = createRedisConnection(redis.url, 'producer');
    subscriber = createRedisConnection(redis.url, 'worker');
    // A producer connection queues nothing while it connects (enableOfflineQueue off): publish once it is up.
    if (publisher.status !== 'ready') await once(publisher, 'ready');
  });
  afterAll(async () => {
    await Promise.all([publisher.quit(), subscriber.quit()]);
    await redis.cleanup();
  });

  /** Subscribes, and resolves with the changes once `count` have arrived. */
  const listen = async (count: number) => {
    const changes: ScheduleChange[] = [];
    let done: (changes: ScheduleChange[]) => void = () => {};
    const received = new Promise<ScheduleChange[]>((resolve) => {
      done = resolve;
    });
    const unsubscribe = await subscribeScheduleChanges(subscriber, redis.prefix, (change) => {
      changes.push(change);
      if (changes.length === count) done(changes);
    });
    return { received, unsubscribe };
  };

  it('carries the schedule id, or null for "all", and reads an unreadable message as "something changed"', async () => {
    const scheduleId = randomUUID();
    const { received, unsubscribe } = await listen(4);
    await publishScheduleChange(publisher, redis.prefix, scheduleId);
    await publishScheduleChange(publisher, redis.prefix);
    await publisher.publish(scheduleChangesChannel(redis.prefix), 'not json');
    await publisher.publish(scheduleChangesChannel(redis.prefix), '{"scheduleId":"not-a-uuid"}');
    expect(await received).toEqual([{ scheduleId }, { scheduleId: null }, { scheduleId: null }, { scheduleId: null }]);
    await unsubscribe();
  });

  it('stays within its prefix, and stops after unsubscribing', async () => {
    const { received, unsubscribe } = await listen(1);
    expect(await publishScheduleChange(publisher, `${redis.prefix}-other`)).toBe(0);
    expect(await publishScheduleChange(publisher, redis.prefix)).toBe(1);
    expect(await received).toEqual([{ scheduleId: null }]);
    await unsubscribe();
    expect(await publishScheduleChange(publisher, redis.prefix)).toBe(0);
  });
});
