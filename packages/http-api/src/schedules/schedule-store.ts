import { type Db, delivery, reportSchedule } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { publishScheduleChange } from '@reportmail/queue';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../app.js';
import type { DbExecutor } from '../audit.js';
import type { LastDelivery, ScheduleRow } from './schedule-rows.js';

const notFound = (id: string) => new AppError('NOT_FOUND', `No schedule ${id}`);

/** The schedule, or a 404. `forUpdate` locks the row until the transaction ends (read, then write). */
export async function findSchedule(db: DbExecutor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(reportSchedule).where(eq(reportSchedule.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(id);
  return row;
}

export async function updateSchedule(tx: DbExecutor, id: string, values: Partial<ScheduleRow>): Promise<ScheduleRow> {
  const [row] = await tx.update(reportSchedule).set(values).where(eq(reportSchedule.id, id)).returning();
  if (!row) throw notFound(id);
  return row;
}

/** Deletes the schedule (its deliveries stay, their schedule_id set null) and answers what it was. */
export async function deleteSchedule(tx: DbExecutor, id: string): Promise<{ id: string; name: string }> {
  const [row] = await tx
    .delete(reportSchedule)
    .where(eq(reportSchedule.id, id))
    .returning({ id: reportSchedule.id, name: reportSchedule.name });
  if (!row) throw notFound(id);
  return row;
}

export type ScheduleWithDelivery = { row: ScheduleRow; lastDelivery: LastDelivery | null };

/**
 * Schedules with their newest delivery, in one query: a lateral join picks each one's newest row through
 * the (schedule_id, created_at) index, however many schedules a page shows.
 */
function schedulesWithLastDelivery(db: DbExecutor) {
  const newest = db
    .select({
      id: delivery.id,
      status: delivery.status,
      trigger: delivery.trigger,
      createdAt: delivery.createdAt,
    })
    .from(delivery)
    // The schedule's own report (its email row): its webhooks' rows have their own status in the log.
    .where(and(eq(delivery.scheduleId, reportSchedule.id), eq(delivery.channel, 'email')))
    .orderBy(desc(delivery.createdAt), desc(delivery.id))
    .limit(1)
    .as('last_delivery');
  return db
    .select({
      row: reportSchedule,
      // Drizzle gives null for a left-joined object whose columns are all null: a schedule not yet sent.
      lastDelivery: { id: newest.id, status: newest.status, trigger: newest.trigger, createdAt: newest.createdAt },
    })
    .from(reportSchedule)
    .leftJoinLateral(newest, sql`true`);
}

/** The schedule with its newest delivery, or a 404. */
export async function findScheduleWithDelivery(db: DbExecutor, id: string): Promise<ScheduleWithDelivery> {
  const [found] = await schedulesWithLastDelivery(db).where(eq(reportSchedule.id, id));
  if (!found) throw notFound(id);
  return found;
}

/** A page of schedules in name order, ignoring case (the same whatever the database's collation). */
export async function listSchedules(
  db: Db,
  query: { page: number; pageSize: number; enabled?: boolean | undefined },
): Promise<{ items: ScheduleWithDelivery[]; total: number }> {
  const where: SQL | undefined = query.enabled === undefined ? undefined : eq(reportSchedule.enabled, query.enabled);
  const items = await schedulesWithLastDelivery(db)
    .where(where)
    .orderBy(sql`lower(${reportSchedule.name})`, asc(reportSchedule.name), asc(reportSchedule.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ value: count() }).from(reportSchedule).where(where);
  return { items, total: total?.value ?? 0 };
}

/**
 * Tells the scheduler a schedule changed, after the change is committed. A Redis failure is logged and
 * swallowed: the change is saved, and the scheduler's periodic reconcile picks it up anyway.
 */
export async function announceScheduleChange(
  deps: Pick<AppDeps, 'redis' | 'config'>,
  log: FastifyBaseLogger,
  scheduleId: string,
): Promise<void> {
  try {
    await publishScheduleChange(deps.redis, deps.config.REDIS_PREFIX, scheduleId);
  } catch (error) {
    log.warn(
      { err: error, scheduleId },
      'schedule change signal not sent (Redis): the scheduler applies the change at its next reconcile',
    );
  }
}
