import { type Database, reportSchedule } from '@reportmail/db';
import { type EmailContent, emailContentFor, WORKBOOK_FREQUENCY_LABELS } from '@reportmail/emails';
import {
  claimScheduledDelivery,
  type Delivery,
  fanOutToWebhooks,
  findDelivery,
  transitionDelivery,
} from '@reportmail/ledger';
import type { Logger } from '@reportmail/logger';
import type { GenerateReportPayload } from '@reportmail/queue';
import {
  type CurrencyOptions,
  formatDecimal,
  periodFromRange,
  type ReportPeriod,
  summaryToJson,
  type WorkbookProgress,
} from '@reportmail/reports';
import { reportPeriodForRun } from '@reportmail/schedules';
import { UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';
import { changesSinceSent, keepPaymentSnapshots } from './payment-snapshots.js';
import { type StoredWorkbook, storeWorkbook } from './store-workbook.js';

export type GenerateReportDeps = {
  database: Database;
  logger: Logger;
  currency: CurrencyOptions;
  /** Largest encoded workbook the email carries; bigger ones stay stored and the email says so. */
  attachmentLimitBytes: number;
  /** Queues `send-email` for a ledger row (the payload carries its id only). */
  enqueueSendEmail: (deliveryId: string) => Promise<void>;
  /** Queues `deliver-webhook` for a webhook's ledger row. */
  enqueueWebhookDelivery: (deliveryId: string) => Promise<void>;
  /** Share of the workbook written so far, 0–1 (for Bull Board). */
  onProgress?: (fraction: number) => void;
};

export type GenerateReportResult = { outcome: 'queued' | 'duplicate' | 'skipped' | 'disabled'; deliveryId: string };

type Schedule = typeof reportSchedule.$inferSelect;

/**
 * Turns a due run into a stored workbook and a queued email. The period comes from the scheduled
 * instant alone; the ledger claim makes a second trigger for the same period a logged no-op.
 */
export async function generateReport(
  deps: GenerateReportDeps,
  payload: GenerateReportPayload,
  jobKey: string,
): Promise<GenerateReportResult> {
  const schedule = await loadSchedule(deps.database, payload.scheduleId);
  if (!schedule.enabled && (payload.trigger === 'scheduled' || payload.trigger === 'catch_up')) {
    // Switched off after this run was queued: an admin who disables a schedule expects silence.
    deps.logger.info({ scheduleId: schedule.id }, 'schedule disabled: run dropped');
    return { outcome: 'disabled', deliveryId: '' };
  }
  const run = await claimRun(deps, schedule, payload, jobKey);
  if (!run) return { outcome: 'duplicate', deliveryId: '' };
  const { delivery, period } = run;
  const log = deps.logger.child({ deliveryId: delivery.id, periodStart: period.start.toISOString() });
  if (delivery.status === 'sending') {
    // A retry after the report was stored: only the email and webhook jobs may be missing.
    await queueDeliveries(deps, delivery);
    return { outcome: 'queued', deliveryId: delivery.id };
  }

  // The instant the report says it was generated at; the ledger keeps it as the generation's start.
  const generatedAt = new Date();
  await transitionDelivery(deps.database.db, delivery.id, ['pending', 'generating'], 'generating', {
    generationStartedAt: generatedAt,
  });
  const { workbook, changes } = await writeReport(deps, {
    schedule,
    payload,
    deliveryId: delivery.id,
    period,
    generatedAt,
  });
  const email = emailContentFor({
    changes,
    workbook,
    frequency: schedule.frequency,
    isTest: payload.trigger === 'test',
    emptyPeriodPolicy: schedule.emptyPeriodPolicy,
    currency: deps.currency,
    attachmentLimitBytes: deps.attachmentLimitBytes,
    generatedAt,
  });
  return finishRun(deps, { delivery, schedule, snapshot: reportSnapshot(workbook, email), log });
}

/** What the ledger row keeps of the report: its figures, its workbook's name and size, the email's content. */
function reportSnapshot(workbook: StoredWorkbook, email: EmailContent) {
  const { totals } = workbook.summary;
  return {
    totalRevenue: formatDecimal(totals.revenue),
    totalTransactions: totals.transactions,
    salesRevenue: formatDecimal(totals.salesRevenue),
    salesTransactions: totals.salesTransactions,
    repairRevenue: formatDecimal(totals.repairRevenue),
    repairTransactions: totals.repairTransactions,
    attachmentFilename: workbook.filename,
    attachmentSize: workbook.sizeBytes,
    attachmentOmitted: email.attachmentOmitted,
    subject: email.content.subject,
    emailContent: email.content,
    reportJson: summaryToJson(workbook.summary),
    // With generationStartedAt, this gives the generation duration /metrics reports.
    generatedAt: new Date(),
  };
}

/** Why a report row with no email recipient ends `skipped`: its report went to the webhooks alone. */
export const POSTED_ONLY = "No email recipient: the report was posted to the schedule's Slack and webhooks only";
/** …and when its webhooks were all switched off or removed since it was switched on with one. */
export const NOWHERE_TO_SEND =
  'No email recipient and no Slack or webhook switched on: the report was stored, nobody was sent it';

/**
 * Records the report on its row and queues what goes out: nothing for an empty period the schedule skips;
 * the webhooks alone when the row has no email recipient (the row then ends `skipped`, after the fan-out,
 * so a crash in between is resumed from `generating`); else the email and the webhooks.
 */
async function finishRun(
  deps: GenerateReportDeps,
  run: { delivery: Delivery; schedule: Schedule; snapshot: ReturnType<typeof reportSnapshot>; log: Logger },
): Promise<GenerateReportResult> {
  const { delivery, snapshot, log } = run;
  const { db } = deps.database;
  if (snapshot.totalTransactions === 0 && run.schedule.emptyPeriodPolicy === 'skip') {
    await transitionDelivery(db, delivery.id, ['generating'], 'skipped', snapshot);
    log.info('empty period skipped by policy');
    return { outcome: 'skipped', deliveryId: delivery.id };
  }
  if (!delivery.recipients?.to.length) {
    await transitionDelivery(db, delivery.id, ['generating'], 'generating', snapshot);
    const posts = await postToWebhooks(deps, delivery);
    const errorMessage = posts > 0 ? POSTED_ONLY : NOWHERE_TO_SEND;
    await transitionDelivery(db, delivery.id, ['generating'], 'skipped', { errorMessage });
    log.info('report generated: no email recipient, posted to webhooks only');
    return { outcome: 'queued', deliveryId: delivery.id };
  }
  await transitionDelivery(db, delivery.id, ['generating'], 'sending', snapshot);
  await queueDeliveries(deps, delivery);
  log.info({ transactions: snapshot.totalTransactions, sizeBytes: snapshot.attachmentSize }, 'report generated');
  return { outcome: 'queued', deliveryId: delivery.id };
}

/**
 * Queues the report's email and gives each of the schedule's webhooks its ledger row, queued; not for a
 * test send (one address only) nor a resent email (its webhooks' own rows are posted again one by one).
 * Safe to repeat: rows and job ids are deterministic.
 */
async function queueDeliveries(deps: GenerateReportDeps, delivery: Delivery) {
  await deps.enqueueSendEmail(delivery.id);
  await postToWebhooks(deps, delivery);
}

/** Gives each of the schedule's enabled webhooks its row of the report and queues it; how many are queued. */
async function postToWebhooks(deps: GenerateReportDeps, delivery: Delivery): Promise<number> {
  if (delivery.trigger === 'test' || delivery.redeliveryOf) return 0;
  const rows = await fanOutToWebhooks(deps.database.db, delivery.id);
  for (const webhookDeliveryId of rows) await deps.enqueueWebhookDelivery(webhookDeliveryId);
  return rows.length;
}

/**
 * The period's workbook, stored with the delivery, and the changes to earlier reports it lists. A test
 * send is no report of the period: it neither lists changes nor becomes what later reports compare with.
 */
async function writeReport(
  deps: GenerateReportDeps,
  run: {
    schedule: Schedule;
    payload: GenerateReportPayload;
    deliveryId: string;
    period: ReportPeriod;
    generatedAt: Date;
  },
) {
  const { schedule, deliveryId, period } = run;
  const comparing = run.payload.trigger !== 'test';
  const changes =
    comparing && schedule.reportChanges
      ? await changesSinceSent(deps.database, { scheduleId: schedule.id, period })
      : [];
  const workbook = await storeWorkbook(deps.database, {
    deliveryId,
    period,
    frequencyLabel: WORKBOOK_FREQUENCY_LABELS[schedule.frequency],
    currency: deps.currency,
    now: run.generatedAt,
    onProgress: deps.onProgress && progressReporter(deps.onProgress),
    capturePayments: comparing,
    adjustments: changes,
  });
  if (comparing) {
    // Null past the capture limit: such a period keeps no baseline (an empty one would read as all-new money).
    const own = workbook.payments && { period, payments: workbook.payments };
    await keepPaymentSnapshots(deps.database, { deliveryId, scheduleId: schedule.id, own, changes });
  }
  return { workbook, changes };
}

/** Rows written across both detail sheets, reported at each whole tenth. */
function progressReporter(report: (fraction: number) => void) {
  let lastTenth = 0;
  return ({ sheet, written, expected }: WorkbookProgress) => {
    const fraction = expected === 0 ? 1 : written / expected;
    const overall = sheet === 'Sales' ? fraction / 2 : 0.5 + fraction / 2;
    const tenth = Math.floor(overall * 10);
    if (tenth <= lastTenth) return;
    lastTenth = tenth;
    report(tenth / 10);
  };
}

async function loadSchedule(database: Database, id: string): Promise<Schedule> {
  const [schedule] = await database.db.select().from(reportSchedule).where(eq(reportSchedule.id, id));
  if (!schedule) throw new UnrecoverableError(`Schedule ${id} does not exist (deleted after the run was queued?)`);
  return schedule;
}

/**
 * The ledger row this run works on and its period, or null when another trigger already owns it.
 * Scheduled runs derive the period from their instant; manual and test runs report on the period the
 * API stored on their row (the current one, a chosen one, or a resent delivery's).
 */
async function claimRun(
  deps: GenerateReportDeps,
  schedule: Schedule,
  payload: GenerateReportPayload,
  jobKey: string,
): Promise<{ delivery: Delivery; period: ReportPeriod } | null> {
  if (payload.trigger === 'manual' || payload.trigger === 'test') {
    const existing = payload.deliveryId ? await findDelivery(deps.database.db, payload.deliveryId) : null;
    if (!existing) throw new UnrecoverableError(`A ${payload.trigger} run needs the delivery row the API created`);
    if (!['pending', 'generating', 'sending'].includes(existing.status)) return null;
    return { delivery: existing, period: periodFromRange(existing.periodStart, existing.periodEnd, existing.timezone) };
  }
  const period = reportPeriodForRun(schedule, new Date(payload.scheduledAt));
  const claim = await claimScheduledDelivery(deps.database.db, {
    scheduleId: schedule.id,
    trigger: payload.trigger,
    jobKey,
    reportType: `${schedule.frequency}_sales`,
    periodStart: period.start,
    periodEnd: period.end,
    timezone: period.timezone,
    recipients: { to: schedule.recipientsTo, cc: schedule.recipientsCc, bcc: schedule.recipientsBcc },
  });
  if (claim.outcome === 'duplicate') {
    deps.logger.info({ deliveryId: claim.delivery.id, status: claim.delivery.status }, 'period already claimed: no-op');
    return null;
  }
  return { delivery: claim.delivery, period };
}
