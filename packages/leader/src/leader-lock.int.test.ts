import { createRedisConnection } from '@reportmail/queue';
import { createTestRedis, type TestRedis } from '@reportmail/testing';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLeaderLock, type LeaderLock, type LeaderLockOptions } from './leader-lock.js';

const TTL_MS = 600;

describe('createLeaderLock on real Redis', () => {
  let redis: TestRedis;
  const connections: Redis[] = [];
  const locks: LeaderLock[] = [];

  beforeAll(async () => {
    redis = await createTestRedis();
  });
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((lock) => lock.stop()));
    for (const connection of connections.splice(0)) connection.disconnect();
  });
  afterAll(() => redis.cleanup());

  let sequence = 0;
  /** A lock on its own connection, with a promise for its next gain of leadership. */
  const instance = (overrides: Partial<LeaderLockOptions> = {}) => {
    const connection = createRedisConnection(redis.url, 'worker', { retryStrategy: () => null });
    connections.push(connection);
    let resolveLeader: (fence: number) => void = () => {};
    const becameLeader = new Promise<number>((resolve) => {
      resolveLeader = resolve;
    });
    const lock = createLeaderLock({
      redis: connection,
      key: `${redis.prefix}:leader:${sequence}`,
      ttlMs: TTL_MS,
      onChange: (isLeader, fence) => isLeader && fence !== null && resolveLeader(fence),
      onError: () => {},
      ...overrides,
    });
    locks.push(lock);
    return { lock, connection, becameLeader };
  };
  afterEach(() => {
    sequence += 1;
  });

  it('lets exactly one of two instances lead', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.lock.start(), b.lock.start()]);
    expect([a.lock.isLeader(), b.lock.isLeader()].filter(Boolean)).toHaveLength(1);
    expect(await Promise.all([a.lock.confirm(), b.lock.confirm()])).toContain(false);
  });

  it('hands over at once when the leader stops cleanly', async () => {
    const a = instance();
    await a.lock.start();
    const b = instance();
    await b.lock.start();
    expect(b.lock.isLeader()).toBe(false);
    const started = Date.now();
    await a.lock.stop();
    const fence = await b.becameLeader;
    expect(Date.now() - started).toBeLessThan(TTL_MS);
    expect(fence).toBe(2);
  });

  it('is taken over within 2 × TTL when the leader dies without releasing', async () => {
    const a = instance();
    await a.lock.start();
    const b = instance();
    await b.lock.start();
    const started = Date.now();
    a.connection.disconnect();
    await b.becameLeader;
    expect(Date.now() - started).toBeLessThan(2 * TTL_MS);
    expect(a.lock.isLeader()).toBe(false);
  });

  it('fences out a stale leader that stopped renewing', async () => {
    const stale = instance({ intervalMs: 60_000 });
    await stale.lock.start();
    const staleFence = stale.lock.fence() ?? 0;
    const fresh = instance();
    await fresh.lock.start();
    const freshFence = await fresh.becameLeader;
    expect(freshFence).toBeGreaterThan(staleFence);
    expect(stale.lock.isLeader()).toBe(false);
    expect(await stale.lock.confirm()).toBe(false);
    expect(await fresh.lock.confirm()).toBe(true);
  });
});
