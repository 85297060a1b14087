import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export type TestRedis = {
  url: string;
  /** A key prefix of this test file's own, for BullMQ's `prefix` option and any other keys. */
  prefix: string;
  cleanup: () => Promise<void>;
};

/**
 * Redis for one test file: REDIS_URL (default the local server), or a server of the test's own, and a fresh
 * key prefix, removed after.
 */
export async function createTestRedis(serverUrl?: string): Promise<TestRedis> {
  const url = serverUrl ?? (process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379');
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  // A fault test stops its own server: the clean-up client reconnects; the first error still fails the check.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (cause) {
    client.disconnect();
    throw new Error(
      `Tests need Redis at ${url}: set REDIS_URL, or start one (docker compose up -d redis, or the Debian package redis-server).`,
      { cause },
    );
  }
  return {
    url,
    prefix,
    cleanup: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await client.quit();
    },
  };
}
