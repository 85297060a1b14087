import { reportSchedule } from '@reportmail/db';
import { publishScheduleChange } from '@reportmail/queue';
import { eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { createSchedule, type Pipeline } from '../harness.js';
import type { ExpectedRun } from './sched-runs.js';

/** A daily run at this very second (six-field cron, UTC): runs can be seconds apart, not minutes. */
export const cronAt = (at: Date) => `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} * * *`;

export type TimedSchedule = { id: string; at: Date };

/** `count` schedules due `spacingMs` apart from `first` on, enabled or not. */
export async function createTimedSchedules(
  pipeline: Pipeline,
  count: number,
  first: number,
  spacingMs: number,
  enabled: boolean,
): Promise<TimedSchedule[]> {
  const schedules: TimedSchedule[] = [];
  for (let n = 0; n < count; n += 1) {
    const at = new Date(first + n * spacingMs);
    const id = await createSchedule(pipeline.database, {
      name: `Due ${at.toISOString()}`,
      frequency: 'cron',
      cronExpression: cronAt(at),
      timezone: 'UTC',
      enabled,
      enabledAt: enabled ? new Date(Date.now() - 3_600_000) : null,
    });
    schedules.push({ id, at });
  }
  return schedules;
}

export type ScheduleEdit = { id: string; enabled: boolean; at: Date };

/** Writes each edit (as the API would) and announces it on the change channel. */
export async function applyEdits(pipeline: Pipeline, redis: Redis, edits: ScheduleEdit[]): Promise<void> {
  for (const edit of edits) {
    await pipeline.database.db
      .update(reportSchedule)
      .set({
        enabled: edit.enabled,
        cronExpression: cronAt(edit.at),
        ...(edit.enabled ? { enabledAt: new Date() } : {}),
      })
      .where(eq(reportSchedule.id, edit.id));
    await publishScheduleChange(redis, pipeline.redis.prefix, edit.id);
  }
}

/**
 * The runs owed once the edits are in: each schedule enabled by then once, at its (possibly moved) instant,
 * where a cron run's period ends.
 */
export function owedRuns(enabled: TimedSchedule[], edits: ScheduleEdit[]): ExpectedRun[] {
  const edited = new Set(edits.map((edit) => edit.id));
  return [
    ...enabled
      .filter((schedule) => !edited.has(schedule.id))
      .map((schedule) => ({ scheduleId: schedule.id, periodEnd: schedule.at })),
    ...edits.filter((edit) => edit.enabled).map((edit) => ({ scheduleId: edit.id, periodEnd: edit.at })),
  ];
}
