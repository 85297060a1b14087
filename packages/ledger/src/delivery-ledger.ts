import { type Db, delivery, reportSchedule } from '@reportmail/db';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';

export type Delivery = typeof delivery.$inferSelect;
export type DeliveryStatus = Delivery['status'];
export type Recipients = { to: string[]; cc: string[]; bcc: string[] };

export type ClaimInput = {
  scheduleId: string;
  trigger: 'scheduled' | 'catch_up';
  jobKey: string;
  reportType: string;
  periodStart: Date;
  periodEnd: Date;
  timezone: string;
  /** The schedule's recipients when the row is claimed. */
  recipients: Recipients;
};

export type ClaimResult =
  | { outcome: 'claimed' | 'resumed'; delivery: Delivery }
  | { outcome: 'duplicate'; delivery: Delivery };

/**
 * The schedule's name as the row is written, read in the insert itself: the delivery keeps naming its
 * schedule after the schedule is deleted (its schedule_id then becomes null).
 */
export function scheduleNameNow(scheduleId: string): SQL<string | null> {
  return sql`(select ${reportSchedule.name} from ${reportSchedule} where ${reportSchedule.id} = ${scheduleId})`;
}

/**
 * States a claiming job may pick up again after a crash or a retry; from `sending` it only re-queues
 * the (idempotent) email job, in case the crash came between the two.
 */
const RESUMABLE: DeliveryStatus[] = ['pending', 'generating', 'sending'];

/**
 * Claims the one ledger row of a schedule's period before any work. The unique index makes a second
 * trigger for the same period (another job, another instance, a catch-up) a no-op, while retries of the
 * job that claimed it resume the same row.
 */
export async function claimScheduledDelivery(db: Db, input: ClaimInput): Promise<ClaimResult> {
  const [inserted] = await db
    .insert(delivery)
    .values({ ...input, scheduleName: scheduleNameNow(input.scheduleId), status: 'pending' })
    .onConflictDoNothing({
      target: [delivery.scheduleId, delivery.periodStart, delivery.periodEnd],
      where: sql`${delivery.trigger} in ('scheduled', 'catch_up') and ${delivery.channel} = 'email'`,
    })
    .returning();
  if (inserted) return { outcome: 'claimed', delivery: inserted };
  const [existing] = await db
    .select()
    .from(delivery)
    .where(
      and(
        eq(delivery.scheduleId, input.scheduleId),
        eq(delivery.periodStart, input.periodStart),
        eq(delivery.periodEnd, input.periodEnd),
        inArray(delivery.trigger, ['scheduled', 'catch_up']),
        eq(delivery.channel, 'email'),
      ),
    );
  if (!existing) throw new Error(`Delivery for schedule ${input.scheduleId} vanished while being claimed`);
  const resumable = existing.jobKey === input.jobKey && RESUMABLE.includes(existing.status);
  return { outcome: resumable ? 'resumed' : 'duplicate', delivery: existing };
}

/**
 * Moves a delivery from one of `from` to `to`, with extra fields; returns the row, or null when it was
 * not in an expected state (someone else moved it first), so no step ever runs twice.
 */
/** Why a row whose message data began, and which no outcome followed, ends `unknown` instead of being sent again. */
export const DATA_STARTED_NO_OUTCOME =
  'The mail worker stopped after the message data began to go out, before the server answered: it may have ' +
  'been delivered, so it is not sent again by itself (resend it if the recipients did not get it)';

export async function transitionDelivery(
  db: Db,
  id: string,
  from: DeliveryStatus[],
  to: DeliveryStatus,
  fields: Partial<Omit<Delivery, 'id' | 'status' | 'createdAt' | 'updatedAt'>> = {},
): Promise<Delivery | null> {
  const [row] = await db
    .update(delivery)
    .set({ ...fields, status: to, updatedAt: new Date() })
    .where(and(eq(delivery.id, id), inArray(delivery.status, from)))
    .returning();
  return row ?? null;
}

export async function findDelivery(db: Db, id: string): Promise<Delivery | null> {
  const [row] = await db.select().from(delivery).where(eq(delivery.id, id));
  return row ?? null;
}
