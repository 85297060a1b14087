import { databaseUrl, loadConfig, logLevel, redisUrl, z } from '@reportmail/config';
import { DEFAULT_ATTACHMENT_LIMIT_BYTES } from '@reportmail/emails';

const shape = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  REDIS_PREFIX: z.string().min(1).default('reportmail'),
  /** A job whose worker stops renewing its lock for this long is taken over by another worker. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  REPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  CURRENCY_SYMBOL: z.string().min(1).default('₱'),
  CURRENCY_LOCALE: z.string().min(2).default('en-PH'),
  /** Encoded size above which the workbook is left out of the email (it stays downloadable). */
  ATTACHMENT_LIMIT_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_ATTACHMENT_LIMIT_BYTES),
};

export type ReportWorkerConfig = z.infer<z.ZodObject<typeof shape>>;

export function loadReportWorkerConfig(source: Record<string, string | undefined> = process.env): ReportWorkerConfig {
  return loadConfig(shape, source);
}
