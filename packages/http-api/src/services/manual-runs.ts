import type { Db } from '@reportmail/db';
import { type ManualDelivery, queueManualDelivery } from '@reportmail/ledger';
import type { Queue } from 'bullmq';
import { recordAudit } from '../audit.js';

export type ManualRun = ManualDelivery & {
  actorId: string;
  /** Audit action, e.g. `schedule.run`, `schedule.test`, `delivery.resend`. */
  action: string;
  auditDetails?: Record<string, unknown>;
};

/** Queues a send-now, test or resend (see queueManualDelivery); the audit entry is written once it is queued. */
export async function queueManualRun(deps: { db: Db; reports: Queue }, run: ManualRun): Promise<string> {
  const deliveryId = await queueManualDelivery(deps, run);
  await recordAudit(deps.db, {
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
  return deliveryId;
}
