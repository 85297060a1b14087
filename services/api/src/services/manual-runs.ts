import { type Db, delivery } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import type { Recipients } from '@reportmail/ledger';
import { enqueue, JOBS } from '@reportmail/queue';
import type { ReportPeriod } from '@reportmail/reports';
import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { type DbExecutor, recordAudit } from '../audit.js';

export type ManualRun = {
  scheduleId: string;
  trigger: 'manual' | 'test';
  reportType: string;
  period: Pick<ReportPeriod, 'start' | 'end' | 'timezone'>;
  recipients: Recipients;
  actorId: string;
  /** Audit action, e.g. `schedule.run`, `schedule.test`, `delivery.resend`. */
  action: string;
  auditDetails?: Record<string, unknown>;
};

/**
 * Creates the ledger row of a send-now, test or resend (its period and recipients fixed here) and queues
 * its report job with the row's id only. When Redis refuses the job the row is removed again (a 503),
 * so a failed request leaves nothing half-done; the audit entry is written once the job is queued.
 */
export async function queueManualRun(deps: { db: Db; reports: Queue }, run: ManualRun): Promise<string> {
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(delivery)
      .values({
        scheduleId: run.scheduleId,
        trigger: run.trigger,
        reportType: run.reportType,
        periodStart: run.period.start,
        periodEnd: run.period.end,
        timezone: run.period.timezone,
        recipients: run.recipients,
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
  await audit(deps.db, run, id);
  return id;
}

async function audit(tx: DbExecutor, run: ManualRun, deliveryId: string): Promise<void> {
  await recordAudit(tx, {
    actorId: run.actorId,
    action: run.action,
    target: `delivery:${deliveryId}`,
    details: {
      scheduleId: run.scheduleId,
      periodStart: run.period.start.toISOString(),
      periodEnd: run.period.end.toISOString(),
      ...run.auditDetails,
    },
  });
}
