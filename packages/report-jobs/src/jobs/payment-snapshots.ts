import { type Database, paymentSnapshot } from '@reportmail/db';
import {
  findReportChanges,
  type ReportChange,
  type ReportPeriod,
  type StoredPayment,
  withReportSnapshot,
} from '@reportmail/reports';
import { sql } from 'drizzle-orm';

/** How far back a report looks for earlier reports of its schedule whose figures changed. */
export const CHANGES_WINDOW_DAYS = 31;
const DAY_MS = 86_400_000;

/**
 * The schedule's earlier reports sent in the 31 days before this period's end whose figures differ now
 * from the ones last sent (counted from the period, not the clock: a late or resent run lists the same).
 */
export function changesSinceSent(
  database: Database,
  input: { scheduleId: string; period: ReportPeriod },
): Promise<ReportChange[]> {
  return withReportSnapshot(database.sql, (tx) =>
    findReportChanges(tx, {
      scheduleId: input.scheduleId,
      before: input.period.start,
      since: new Date(input.period.end.getTime() - CHANGES_WINDOW_DAYS * DAY_MS),
      timezone: input.period.timezone,
    }),
  );
}

type Snapshot = { period: ReportPeriod; payments: StoredPayment[] };

/**
 * Keeps what this delivery tells the owner: its own period's payments and, for each earlier period whose
 * change it reports, that period's payments now (the next report compares with these). They count only
 * once the delivery is sent. Rows older than the window are deleted on the way.
 */
export async function keepPaymentSnapshots(
  database: Database,
  input: { deliveryId: string; scheduleId: string; own: Snapshot | null; changes: ReportChange[] },
): Promise<void> {
  const snapshots = [
    ...(input.own ? [input.own] : []),
    ...input.changes.map((change) => ({ period: change.period, payments: change.statesNow })),
  ];
  await database.db.transaction(async (tx) => {
    for (const { period, payments } of snapshots) {
      const row = {
        deliveryId: input.deliveryId,
        scheduleId: input.scheduleId,
        periodStart: period.start,
        periodEnd: period.end,
        timezone: period.timezone,
        payments,
      };
      await tx
        .insert(paymentSnapshot)
        .values(row)
        .onConflictDoUpdate({
          target: [paymentSnapshot.deliveryId, paymentSnapshot.periodStart, paymentSnapshot.periodEnd],
          set: { payments, createdAt: sql`now()` },
        });
    }
    await tx
      .delete(paymentSnapshot)
      .where(
        sql`${paymentSnapshot.scheduleId} = ${input.scheduleId} and ${paymentSnapshot.createdAt} < now() - make_interval(days => ${CHANGES_WINDOW_DAYS + 1})`,
      );
  });
}
