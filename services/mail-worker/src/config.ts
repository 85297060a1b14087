import { databaseUrl, loadConfig, logLevel, redisUrl, secretsKey, z } from '@reportmail/config';

const milliseconds = (fallback: number) => z.coerce.number().int().min(100).max(600_000).default(fallback);

const shape = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  SECRETS_KEY: secretsKey,
  REDIS_PREFIX: z.string().min(1).default('reportmail'),
  /** A job whose worker stops renewing its lock for this long is taken over by another worker. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  SMTP_CONNECTION_TIMEOUT_MS: milliseconds(30_000),
  SMTP_GREETING_TIMEOUT_MS: milliseconds(30_000),
  /** Includes the wait for the reply to the message data (RFC 5321 suggests up to 10 minutes). */
  SMTP_SOCKET_TIMEOUT_MS: milliseconds(120_000),
};

export type MailWorkerConfig = z.infer<z.ZodObject<typeof shape>>;

export function loadMailWorkerConfig(source: Record<string, string | undefined> = process.env): MailWorkerConfig {
  return loadConfig(shape, source);
}
