import { type Db, schedulerFence } from '@reportmail/db';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';

export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export type FenceClaim = { claimed: true } | { claimed: false; stored: number };

/**
 * Records `fence` as the writing leader's, unless a newer leader (a larger fence) already wrote. The
 * row stays locked until the transaction ends (at most 10 s idle), so a second leader's claim waits for
 * this sync to finish, and a leader that paused past its lock and woke up finds the newer fence and
 * changes nothing.
 */
export async function claimFence(tx: Transaction, fence: number, now: Date, idleLimitMs = 10_000): Promise<FenceClaim> {
  // The fence row stays locked while this transaction is open. A leader frozen inside it (SIGSTOP, a VM
  // paused) would hold every later leader's sync until it woke, maybe hours; PostgreSQL ends a transaction
  // idle this long instead. A live sync is never idle that long: it only waits on single Redis calls.
  await tx.execute(sql.raw(`set local idle_in_transaction_session_timeout = ${Math.trunc(idleLimitMs)}`));
  const [row] = await tx
    .insert(schedulerFence)
    .values({ id: 1, fence, updatedAt: now })
    .onConflictDoUpdate({
      target: schedulerFence.id,
      set: { fence, updatedAt: now },
      setWhere: sql`${schedulerFence.fence} <= ${fence}`,
    })
    .returning({ fence: schedulerFence.fence });
  if (row) return { claimed: true };
  const [stored] = await tx.select({ fence: schedulerFence.fence }).from(schedulerFence);
  return { claimed: false, stored: stored?.fence ?? 0 };
}

/** Sets the counter to `floor` unless it is already there or beyond. */
const RAISE_FLOOR = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
if current < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return 1
end
return 0`;

/**
 * After Redis lost its data (a restart without persistence), the leader lock's fencing counter (the
 * `<key>:fence` key of @reportmail/leader) starts again below the fence PostgreSQL holds, and every
 * leader from then on would be refused. Raising the counter to that fence makes the next acquisition
 * newer than every leader before it. Returns whether the counter had gone back.
 */
export async function raiseFenceCounter(redis: Redis, lockKey: string, floor: number): Promise<boolean> {
  return Number(await redis.eval(RAISE_FLOOR, 1, `${lockKey}:fence`, floor)) === 1;
}
