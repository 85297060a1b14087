import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * "A schedule changed": published by the API after it writes a schedule, heard by the scheduler leader,
 * which then syncs at once instead of at its next periodic reconcile. Pub/sub is fire-and-forget (a
 * message sent while nobody listens, or during a reconnect, is lost), so the periodic reconcile stays the
 * guarantee and this signal only makes edits take effect sooner.
 */
export type ScheduleChange = { scheduleId: string | null };

const message = z.object({ scheduleId: z.uuid().nullable().catch(null) });

/** The channel sits under the BullMQ prefix, so deployments (and test files) sharing a Redis stay apart. */
export function scheduleChangesChannel(prefix: string): string {
  return `${prefix}:schedule-changes`;
}

/**
 * Announces a change (of one schedule, or of all when no id is given). Resolves to the number of
 * listeners that got it. It throws when Redis is unreachable: callers should log and carry on, since
 * the scheduler's periodic reconcile picks the change up anyway.
 */
export async function publishScheduleChange(redis: Redis, prefix: string, scheduleId?: string): Promise<number> {
  const change: ScheduleChange = { scheduleId: scheduleId ?? null };
  return redis.publish(scheduleChangesChannel(prefix), JSON.stringify(change));
}

/**
 * Listens for changes on `redis`, which must be a connection of its own: a subscribed ioredis client
 * cannot run other commands. ioredis subscribes again by itself after a reconnect. An unreadable message
 * still counts as "something changed". Resolves, once subscribed, to a function that stops listening.
 */
export async function subscribeScheduleChanges(
  redis: Redis,
  prefix: string,
  onChange: (change: ScheduleChange) => void,
): Promise<() => Promise<void>> {
  const channel = scheduleChangesChannel(prefix);
  const listener = (from: string, text: string) => {
    if (from === channel) onChange(parseChange(text));
  };
  redis.on('message', listener);
  try {
    await redis.subscribe(channel);
  } catch (error) {
    redis.off('message', listener);
    throw error;
  }
  return async () => {
    redis.off('message', listener);
    await redis.unsubscribe(channel);
  };
}

function parseChange(text: string): ScheduleChange {
  try {
    const parsed = message.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { scheduleId: null };
  } catch {
    return { scheduleId: null };
  }
}
