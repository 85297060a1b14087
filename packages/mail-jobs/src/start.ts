import { assertDatabaseReachable, createDatabase } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import { assertRedisReachable, createRedisConnection } from '@reportmail/queue';
import { createLinkSigner, createSecretBox } from '@reportmail/secrets';
import type { MailWorkerConfig } from './config.js';
import type { AttachmentLinks } from './jobs/build-message.js';
import { createMailWorker } from './worker.js';

export type RunningMailWorker = {
  /** Finishes the sends in hand, then closes the worker's connections. */
  stop: () => Promise<void>;
};

/** The mail worker with connections of its own, checked: its service's and the all-in-one process's. */
export async function startMailWorker(config: MailWorkerConfig, logger: Logger): Promise<RunningMailWorker> {
  const database = createDatabase(config.DATABASE_URL, {
    max: config.MAIL_CONCURRENCY + 2,
    applicationName: 'mail-worker',
  });
  const connection = createRedisConnection(config.REDIS_URL, 'worker', {
    onError: (error) => logger.warn({ err: error }, 'redis connection error'),
  });
  try {
    await assertDatabaseReachable(database.sql, config.DATABASE_URL);
    await assertRedisReachable(connection, config.REDIS_URL);
  } catch (error) {
    connection.disconnect();
    await database.close();
    throw error;
  }
  const worker = createMailWorker({
    database,
    connection,
    prefix: config.REDIS_PREFIX,
    logger,
    secrets: createSecretBox(config.SECRETS_KEY),
    concurrency: config.MAIL_CONCURRENCY,
    locks: { lockDuration: config.WORKER_LOCK_DURATION_MS, stalledInterval: config.WORKER_STALLED_INTERVAL_MS },
    smtpTimeouts: {
      connectionMs: config.SMTP_CONNECTION_TIMEOUT_MS,
      greetingMs: config.SMTP_GREETING_TIMEOUT_MS,
      socketMs: config.SMTP_SOCKET_TIMEOUT_MS,
      sessionMs: config.SMTP_SEND_DEADLINE_MS,
    },
    retryDelayMs: config.MAIL_RETRY_DELAY_MS,
    webhookRetryDelayMs: config.WEBHOOK_RETRY_DELAY_MS,
    webhooks: { timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivate: config.ALLOW_PRIVATE_WEBHOOKS },
    attachmentLinks: attachmentLinksOf(config),
    outboxDir: config.OUTBOX_DIR,
  });
  logger.info({ concurrency: config.MAIL_CONCURRENCY, outboxDir: config.OUTBOX_DIR }, 'mail worker started');
  return {
    stop: async () => {
      await worker.close();
      await connection.quit();
      await database.close();
    },
  };
}

/** Emails (workbooks too large to attach) and webhooks link to workbooks only when the API's public URL is known. */
function attachmentLinksOf(config: MailWorkerConfig): AttachmentLinks | undefined {
  if (!config.PUBLIC_URL) return undefined;
  return {
    publicUrl: config.PUBLIC_URL,
    ttlHours: config.ATTACHMENT_LINK_TTL_HOURS,
    signer: createLinkSigner(config.SECRETS_KEY),
  };
}
