import { createLeaderLock, type LeaderLock } from '@reportmail/leader';
import type { Logger } from '@reportmail/logger';
import type { Redis } from 'ioredis';
import { raiseFenceCounter } from './fence.js';

export type LeadershipOptions = {
  redis: Redis;
  key: string;
  ttlMs: number;
  logger: Logger;
  onChange: (isLeader: boolean, fence: number | null) => void;
};

export type Leadership = {
  /** The lock in use now: it is replaced when its fence has to be renewed. */
  lock: () => LeaderLock;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /**
   * Called when PostgreSQL refused this leader's fence. If Redis still says the lock is ours, no newer
   * leader exists: the fencing counter went back because Redis lost its data, and without this no
   * leader would ever be accepted again. Raises the counter past PostgreSQL's fence and takes the lock
   * anew. A leader that really is stale only finds its lock gone and does nothing.
   */
  recoverFence: (storedFence: number) => Promise<void>;
};

/** The leader lock of one scheduler instance, with recovery from a fencing counter that went back. */
export function createLeadership(options: LeadershipOptions): Leadership {
  const create = () => {
    const created: LeaderLock = createLeaderLock({
      redis: options.redis,
      key: options.key,
      ttlMs: options.ttlMs,
      // A replaced lock is finished: late news from it must not touch the current state.
      onChange: (isLeader, fence) => created === current && options.onChange(isLeader, fence),
      onError: (error) => options.logger.warn({ err: error }, 'leader lock error'),
    });
    return created;
  };
  let current = create();

  return {
    lock: () => current,
    start: () => current.start(),
    stop: () => current.stop(),
    recoverFence: async (storedFence) => {
      if (!(await current.confirm())) return;
      const fence = current.fence();
      options.logger.error(
        { storedFence, fence },
        'leader fence behind PostgreSQL (Redis lost its data?): renewing it',
      );
      await raiseFenceCounter(options.redis, options.key, storedFence);
      // Released first, so this instance (or another) acquires at once with a newer fence.
      await current.stop();
      current = create();
      await current.start();
    },
  };
}
