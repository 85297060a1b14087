import { createLeaderLock, type LeaderLock } from '@reportmail/leader';
import { createRedisConnection, QUEUES, scheduleRepeatStrategy } from '@reportmail/queue';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@reportmail/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** What sync and catch-up tests share: a database, a Redis prefix, the reports queue and a held lock. */
export type LeaderFixture = {
  database: TestDatabase;
  redis: TestRedis;
  connection: Redis;
  queue: Queue;
  lock: LeaderLock;
  close: () => Promise<void>;
};

export async function createLeaderFixture(): Promise<LeaderFixture> {
  const [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  const connection = createRedisConnection(redis.url, 'worker');
  const queue = new Queue(QUEUES.reports, {
    connection,
    prefix: redis.prefix,
    settings: { repeatStrategy: scheduleRepeatStrategy },
  });
  const lock = createLeaderLock({ redis: connection, key: `${redis.prefix}:scheduler:leader`, ttlMs: 10_000 });
  await lock.start();
  return {
    database,
    redis,
    connection,
    queue,
    lock,
    close: async () => {
      await lock.stop();
      await queue.close();
      await connection.quit();
      await Promise.all([database.drop(), redis.cleanup()]);
    },
  };
}
