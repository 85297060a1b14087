import type { Database } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import {
  deliverWebhookJobId,
  enqueue,
  JOBS,
  QUEUES,
  readGenerateReport,
  scheduleRepeatStrategy,
  sendEmailJobId,
} from '@reportmail/queue';
import type { CurrencyOptions } from '@reportmail/reports';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { generateReport } from './jobs/generate-report.js';

export type ReportWorkerDeps = {
  database: Database;
  connection: Redis;
  prefix: string;
  logger: Logger;
  currency: CurrencyOptions;
  attachmentLimitBytes: number;
  concurrency?: number;
  /** BullMQ lock and stalled-check timings (shortened in tests). */
  locks?: { lockDuration: number; stalledInterval: number };
};

export type ReportWorker = { worker: Worker; mailQueue: Queue; close: () => Promise<void> };

/** Binds generateReport to the `report-generation` queue; the handler itself knows nothing of BullMQ. */
export function createReportWorker(deps: ReportWorkerDeps): ReportWorker {
  const { connection, prefix } = deps;
  const mailQueue = new Queue(QUEUES.mail, { connection, prefix });
  const enqueueSendEmail = async (deliveryId: string) => {
    await enqueue(mailQueue, JOBS.sendEmail, { deliveryId }, { jobId: sendEmailJobId(deliveryId) });
  };
  const enqueueWebhookDelivery = async (deliveryId: string) => {
    await enqueue(mailQueue, JOBS.deliverWebhook, { deliveryId }, { jobId: deliverWebhookJobId(deliveryId) });
  };
  const processor = async (job: Job) => {
    const payload = readGenerateReport(job);
    const logger = deps.logger.child({
      queue: QUEUES.reports,
      jobName: job.name,
      jobId: job.id,
      scheduleId: payload.scheduleId,
    });
    await job.updateProgress(5);
    const onProgress = (fraction: number) => {
      job.updateProgress(5 + Math.round(fraction * 90)).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not publish job progress');
      });
    };
    const result = await generateReport(
      { ...deps, logger, enqueueSendEmail, enqueueWebhookDelivery, onProgress },
      payload,
      job.id ?? job.name,
    );
    await job.updateProgress(100);
    return result;
  };
  const worker = new Worker(QUEUES.reports, processor, {
    connection,
    prefix,
    concurrency: deps.concurrency ?? 1,
    ...deps.locks,
    settings: { repeatStrategy: scheduleRepeatStrategy },
  });
  worker.on('failed', (job, error) => deps.logger.error({ jobId: job?.id, err: error }, 'report job failed'));
  worker.on('error', (error) => deps.logger.error({ err: error }, 'report worker error'));
  return {
    worker,
    mailQueue,
    close: async () => {
      await worker.close();
      await mailQueue.close();
    },
  };
}
