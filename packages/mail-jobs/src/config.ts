import { resolve } from 'node:path';
import {
  databaseUrl,
  envFlag,
  envInteger,
  eventLoopStallMs,
  loadConfig,
  logLevel,
  optionalEnv,
  redisPrefix,
  redisUrl,
  secretsKey,
  shutdownGraceMs,
  workerLockTimings,
  z,
} from '@reportmail/config';

const milliseconds = (fallback: number) => envInteger(100, 600_000, fallback);

/** The mail worker's variables: the all-in-one process parses them with the others' in one pass. */
export const mailWorkerConfigShape = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  LOG_LEVEL: logLevel,
  EVENT_LOOP_STALL_MS: eventLoopStallMs,
  SECRETS_KEY: secretsKey,
  REDIS_PREFIX: redisPrefix,
  ...workerLockTimings,
  SHUTDOWN_GRACE_MS: shutdownGraceMs,
  MAIL_CONCURRENCY: envInteger(1, 64, 4),
  SMTP_CONNECTION_TIMEOUT_MS: milliseconds(30_000),
  SMTP_GREETING_TIMEOUT_MS: milliseconds(30_000),
  /** Includes the wait for the reply to the message data (RFC 5321 suggests up to 10 minutes). */
  SMTP_SOCKET_TIMEOUT_MS: milliseconds(120_000),
  /**
   * One SMTP session in all, connect to final reply: the socket timeout restarts with every byte, so only
   * this ends a server trickling its replies. Past it the connection is destroyed; classified as a timeout.
   */
  SMTP_SEND_DEADLINE_MS: envInteger(1_000, 3_600_000, 300_000),
  /** Base of the send retries' backoff: the first retry after about this long, then doubling (jitter 0.5). */
  MAIL_RETRY_DELAY_MS: milliseconds(10_000),
  /** One webhook request in all, connect to the end of the answer: past it the attempt counts as a timeout. */
  WEBHOOK_TIMEOUT_MS: envInteger(1_000, 120_000, 10_000),
  /** Base of the webhook retries' backoff (5xx and timeouts): about this long, then doubling (jitter 0.5). */
  WEBHOOK_RETRY_DELAY_MS: milliseconds(10_000),
  /** Lets webhook URLs reach loopback/private/link-local addresses and use plain http (development and tests). */
  ALLOW_PRIVATE_WEBHOOKS: envFlag(false),
  /**
   * The admin API's public base URL. When set, an email whose workbook was too large to attach links to
   * it through a signed, expiring URL; unset, the email only says the workbook is stored.
   */
  PUBLIC_URL: optionalEnv(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  /** How long such a link works (it is a credential anyone holding the email can use). */
  ATTACHMENT_LINK_TTL_HOURS: envInteger(1, 720, 168),
  /**
   * Where emails are saved (`.eml`, `.html`, workbook) while SMTP is not configured. A relative path is
   * resolved against the working directory when parsed, so the ledger records absolute paths.
   */
  OUTBOX_DIR: optionalEnv(z.string()).transform((path) => resolve(path ?? 'var/outbox')),
};

export type MailWorkerConfig = z.infer<z.ZodObject<typeof mailWorkerConfigShape>>;

export function loadMailWorkerConfig(source: Record<string, string | undefined> = process.env): MailWorkerConfig {
  return loadConfig(mailWorkerConfigShape, source);
}
