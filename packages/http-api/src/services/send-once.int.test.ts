import { once } from 'node:events';
import { createRedisConnection } from '@reportmail/queue';
import { createTestRedis, type TestRedis } from '@reportmail/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_TTL_SECONDS, idempotencyReservation, runOnce } from './send-once.js';

describe('runOnce on real Redis', () => {
  let testRedis: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    testRedis = await createTestRedis();
    redis = createRedisConnection(testRedis.url, 'producer');
    // Without an offline queue a command before the connection is ready fails: wait for it.
    if (redis.status !== 'ready') await once(redis, 'ready');
  });
  afterAll(async () => {
    redis.disconnect();
    await testRedis.cleanup();
  });

  const reservation = (key: string) =>
    idempotencyReservation(testRedis.prefix, { userId: 'u1', header: key, route: '/v1/x', body: { a: 1 } });

  it('holds a key in progress for two minutes at most, and the answer for 24 hours', async () => {
    const held = reservation('in-progress') as NonNullable<ReturnType<typeof reservation>>;
    let finish: (value: string) => void = () => {};
    const running = runOnce(redis, held, () => new Promise<string>((resolve) => (finish = resolve)));
    // While the first request runs, a process that died here would free its key after 120 s, not 24 h.
    await expect.poll(() => redis.ttl(held.key)).toBeGreaterThan(0);
    expect(await redis.ttl(held.key)).toBeLessThanOrEqual(120);
    await expect(runOnce(redis, held, async () => 'second')).rejects.toThrow('being queued right now');
    finish('first');
    expect(await running).toEqual({ value: 'first', replayed: false });
    expect(await redis.ttl(held.key)).toBeGreaterThan(IDEMPOTENCY_TTL_SECONDS - 10);
    expect(await runOnce(redis, held, async () => 'third')).toEqual({ value: 'first', replayed: true });
  });

  it('frees the key when the first try fails, so a retry sends', async () => {
    const held = reservation('fails-once') as NonNullable<ReturnType<typeof reservation>>;
    await expect(runOnce(redis, held, async () => Promise.reject(new Error('Redis queue down')))).rejects.toThrow(
      'Redis queue down',
    );
    expect(await runOnce(redis, held, async () => 'retried')).toEqual({ value: 'retried', replayed: false });
  });
});
