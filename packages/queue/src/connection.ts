import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole = 'worker' | 'producer';

/**
 * A Redis connection with the options BullMQ needs. Workers block on Redis and must retry forever
 * (`maxRetriesPerRequest: null`); producers (the API) fail fast instead of queueing commands while
 * Redis is down (`enableOfflineQueue: false`).
 */
export function createRedisConnection(
  url: string,
  role: RedisRole,
  options: RedisOptions & { onError?: (error: Error) => void } = {},
): Redis {
  const { onError, ...redisOptions } = options;
  const connection = new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
    ...redisOptions,
  });
  // ioredis reconnects by itself; errors go to the caller's logger instead of "Unhandled error event".
  if (onError) connection.on('error', onError);
  return connection;
}

/** Fails with a clear message when Redis does not answer in time (a worker connection would wait forever). */
export async function assertRedisReachable(connection: Redis, url: string, timeoutMs = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const where = new URL(url);
      reject(
        new Error(
          `Cannot reach Redis at ${where.hostname}:${where.port || '6379'}. Start it (docker compose up -d redis, ` +
            'or the Debian package redis-server) or set REDIS_URL.',
        ),
      );
    }, timeoutMs);
  });
  try {
    await Promise.race([connection.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
