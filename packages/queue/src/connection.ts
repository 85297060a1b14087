import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole = 'worker' | 'producer';

/**
 * A Redis connection with the options BullMQ needs. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers (the API) fail fast instead of queueing commands while
 * Redis is down (`enableOfflineQueue: false`).
 */
export function createRedisConnection(url: string, role: RedisRole, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
    ...options,
  });
}
