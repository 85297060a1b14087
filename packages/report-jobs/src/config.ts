import {
  databaseUrl,
  envInteger,
  eventLoopStallMs,
  loadConfig,
  logLevel,
  redisPrefix,
  redisUrl,
  shutdownGraceMs,
  workerLockTimings,
  z,
} from '@reportmail/config';
import { DEFAULT_ATTACHMENT_LIMIT_BYTES } from '@reportmail/emails';

/** The report worker's variables: the all-in-one process parses them with the others' in one pass. */
export const reportWorkerConfigShape = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  EVENT_LOOP_STALL_MS: eventLoopStallMs,
  REDIS_PREFIX: redisPrefix,
  ...workerLockTimings,
  SHUTDOWN_GRACE_MS: shutdownGraceMs,
  REPORT_CONCURRENCY: envInteger(1, 16, 1),
  CURRENCY_SYMBOL: z.string().min(1).default('₱'),
  CURRENCY_LOCALE: z.string().min(2).default('en-PH'),
  /** Encoded size above which the workbook is left out of the email (it stays downloadable). */
  ATTACHMENT_LIMIT_BYTES: envInteger(1024, Number.MAX_SAFE_INTEGER, DEFAULT_ATTACHMENT_LIMIT_BYTES),
};

export type ReportWorkerConfig = z.infer<z.ZodObject<typeof reportWorkerConfigShape>>;

export function loadReportWorkerConfig(source: Record<string, string | undefined> = process.env): ReportWorkerConfig {
  return loadConfig(reportWorkerConfigShape, source);
}
