import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Takes the lock if free and hands out the next fencing number. */
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local fence = redis.call('INCR', KEYS[2])
  redis.call('SET', KEYS[3], fence)
  return fence
end
return 0`;

/** Extends the lock only while it is still ours. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Deletes the lock only while it is still ours. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** True only while the lock is ours and no later leader has been fenced in. */
const CHECK = `
if redis.call('GET', KEYS[1]) == ARGV[1] and redis.call('GET', KEYS[3]) == ARGV[2] then return 1 end
return 0`;

export type LeaderLockOptions = {
  redis: Redis;
  /** The lock's key; `:fence` and `:holder-fence` keys sit beside it. */
  key: string;
  ttlMs: number;
  /** How often to renew (or try to acquire); default a third of the TTL. */
  intervalMs?: number;
  onChange?: (isLeader: boolean, fence: number | null) => void;
  onError?: (error: unknown) => void;
};

export type LeaderLock = {
  start: () => Promise<void>;
  /** Stops renewing and releases the lock if held, so a standby takes over at once. */
  stop: () => Promise<void>;
  isLeader: () => boolean;
  fence: () => number | null;
  /**
   * Asks Redis whether this instance still holds the lock under its fencing number. A leader that was
   * paused past its TTL and woke up gets false here, so it changes nothing.
   */
  confirm: () => Promise<boolean>;
};

/**
 * One leader among several instances: SET NX PX with a random token, renewed on an interval, released
 * on stop. Each acquisition gets a strictly larger fencing number. Leadership is dropped locally as soon
 * as a renewal fails or the TTL may have run out, before another instance can take over.
 */
export function createLeaderLock(options: LeaderLockOptions): LeaderLock {
  const { redis, key, ttlMs } = options;
  const intervalMs = options.intervalMs ?? Math.max(50, Math.floor(ttlMs / 3));
  const keys = [key, `${key}:fence`, `${key}:holder-fence`];
  const token = randomUUID();
  let fence: number | null = null;
  let validUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  const setLeader = (next: number | null) => {
    const changed = (next === null) !== (fence === null) || next !== fence;
    fence = next;
    if (changed) options.onChange?.(fence !== null, fence);
  };

  const tick = async () => {
    const startedAt = Date.now();
    try {
      if (fence === null) {
        const acquired = Number(await redis.eval(ACQUIRE, 3, ...keys, token, ttlMs));
        if (acquired > 0) {
          validUntil = startedAt + ttlMs;
          setLeader(acquired);
        }
      } else if (Number(await redis.eval(RENEW, 3, ...keys, token, ttlMs)) === 1) {
        validUntil = startedAt + ttlMs;
      } else {
        setLeader(null);
      }
    } catch (error) {
      if (Date.now() >= validUntil) setLeader(null);
      options.onError?.(error);
    }
  };

  const schedule = () => {
    if (!running) return;
    timer = setTimeout(async () => {
      await tick();
      schedule();
    }, intervalMs);
  };

  return {
    start: async () => {
      running = true;
      await tick();
      schedule();
    },
    stop: async () => {
      running = false;
      clearTimeout(timer);
      if (fence !== null) {
        await redis.eval(RELEASE, 3, ...keys, token).catch((error: unknown) => options.onError?.(error));
        setLeader(null);
      }
    },
    isLeader: () => fence !== null && Date.now() < validUntil,
    fence: () => fence,
    confirm: async () => {
      if (fence === null) return false;
      const held = Number(await redis.eval(CHECK, 3, ...keys, token, String(fence))) === 1;
      if (!held) setLeader(null);
      return held;
    },
  };
}
