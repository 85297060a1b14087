import { type Db, delivery } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { redeliverWebhook } from '@reportmail/ledger';
import { deliverWebhookJobId, enqueue, JOBS } from '@reportmail/queue';
import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit.js';
import { queueManualRun } from '../services/manual-runs.js';

/** PostgreSQL's foreign key violation: the schedule went away between the check and the insert. */
const FOREIGN_KEY_VIOLATION = '23503';

const scheduleGone = () =>
  new AppError(
    'CONFLICT',
    'This delivery cannot be resent: its schedule was deleted. Create a schedule and use send-now instead',
  );

/**
 * Sends a delivery's report again as a new ledger row: the same period (start, end, zone), report type
 * and recipients, generated afresh. A test send stays a test (its `[TEST]` subject, its one address, no
 * effect on the schedule's last-sent time); anything else goes out as `manual`.
 */
export async function resendDelivery(
  deps: { db: Db; reports: Queue; mail: Queue },
  input: { deliveryId: string; actorId: string },
): Promise<string> {
  const [original] = await deps.db.select().from(delivery).where(eq(delivery.id, input.deliveryId));
  if (!original) throw new AppError('NOT_FOUND', `No delivery with id ${input.deliveryId}`);
  if (!original.scheduleId) throw scheduleGone();
  if (original.channel !== 'email') return repostWebhook(deps, original.id, input.actorId);
  if (!original.recipients || original.recipients.to.length === 0) {
    throw new AppError('CONFLICT', 'This delivery cannot be resent: it has no "to" recipient on record');
  }
  const run = {
    scheduleId: original.scheduleId,
    trigger: original.trigger === 'test' ? ('test' as const) : ('manual' as const),
    reportType: original.reportType,
    period: { start: original.periodStart, end: original.periodEnd, timezone: original.timezone },
    recipients: original.recipients,
    redeliveryOf: original.id,
    actorId: input.actorId,
    action: 'delivery.resend',
    auditDetails: { resendOf: original.id },
  };
  return queueManualRun(deps, run).catch((error: unknown) => {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    throw code === FOREIGN_KEY_VIOLATION ? scheduleGone() : error;
  });
}

/**
 * Posts a webhook delivery's report again, to the same webhook, as a new row of its own: the same stored
 * report (its figures as first sent), a fresh workbook link and signature. 409 once the webhook is deleted.
 */
async function repostWebhook(deps: { db: Db; mail: Queue }, originalId: string, actorId: string): Promise<string> {
  const id = await redeliverWebhook(deps.db, originalId);
  if (!id) {
    throw new AppError(
      'CONFLICT',
      'This delivery cannot be resent: its webhook was deleted. Add it to the schedule again',
    );
  }
  try {
    await enqueue(deps.mail, JOBS.deliverWebhook, { deliveryId: id }, { jobId: deliverWebhookJobId(id) });
  } catch (cause) {
    await deps.db.delete(delivery).where(eq(delivery.id, id));
    throw new AppError('UNAVAILABLE', 'The job queue (Redis) is not answering: nothing was sent, try again', { cause });
  }
  await recordAudit(deps.db, {
    actorId,
    action: 'delivery.resend',
    target: `delivery:${id}`,
    details: { resendOf: originalId },
  });
  return id;
}
