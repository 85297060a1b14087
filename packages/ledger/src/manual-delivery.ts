import { type Db, delivery } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { enqueue, JOBS } from '@reportmail/queue';
import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { type Recipients, scheduleNameNow } from './delivery-ledger.js';

export type ManualDelivery = {
  scheduleId: string;
  trigger: 'manual' | 'test';
  reportType: string;
  /** Fixed here, so the report covers exactly this span whenever the job runs. */
  period: { start: Date; end: Date; timezone: string };
  recipients: Recipients;
  /** A resend of this delivery: its email goes out again, its webhooks are not posted to again. */
  redeliveryOf?: string;
};

/**
 * Creates the ledger row of a send-now, test or resend and queues its report job with the row's id
 * only. When Redis refuses the job the row is removed again (UNAVAILABLE), so a failed call leaves
 * nothing half-done.
 */
export async function queueManualDelivery(deps: { db: Db; reports: Queue }, run: ManualDelivery): Promise<string> {
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(delivery)
      .values({
        scheduleId: run.scheduleId,
        scheduleName: scheduleNameNow(run.scheduleId),
        trigger: run.trigger,
        reportType: run.reportType,
        periodStart: run.period.start,
        periodEnd: run.period.end,
        timezone: run.period.timezone,
        recipients: run.recipients,
        redeliveryOf: run.redeliveryOf ?? null,
        status: 'pending',
      })
      .returning({ id: delivery.id });
    const deliveryId = (row as { id: string }).id;
    await tx
      .update(delivery)
      .set({ jobKey: `${run.trigger}-${deliveryId}` })
      .where(eq(delivery.id, deliveryId));
    return deliveryId;
  });
  try {
    await enqueue(
      deps.reports,
      JOBS.generateReport,
      { scheduleId: run.scheduleId, scheduledAt: run.period.end.toISOString(), trigger: run.trigger, deliveryId: id },
      { jobId: `${run.trigger}-${id}` },
    );
  } catch (cause) {
    await deps.db.delete(delivery).where(eq(delivery.id, id));
    throw new AppError('UNAVAILABLE', 'The job queue (Redis) is not answering: nothing was sent, try again', {
      cause,
    });
  }
  return id;
}
