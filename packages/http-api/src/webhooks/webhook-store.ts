import { randomUUID } from 'node:crypto';
import { scheduleWebhook, webhookSigningContext, webhookUrlContext } from '@reportmail/db';
import { AppError, invalidField } from '@reportmail/errors';
import type { SecretBox } from '@reportmail/secrets';
import { sealWebhookSecrets } from '@reportmail/webhooks';
import { and, asc, count, eq } from 'drizzle-orm';
import type { DbExecutor } from '../audit.js';
import {
  MAX_WEBHOOKS_PER_SCHEDULE,
  type WebhookCreateBody,
  type WebhookReply,
  type WebhookUpdateBody,
} from './schemas.js';
import { webhookUrlHint } from './url-guard.js';

export type WebhookRow = typeof scheduleWebhook.$inferSelect;

const notFound = (scheduleId: string, webhookId: string) =>
  new AppError('NOT_FOUND', `No webhook ${webhookId} on schedule ${scheduleId}`);

export function webhookJson(row: WebhookRow): WebhookReply {
  return {
    id: row.id,
    scheduleId: row.scheduleId,
    kind: row.kind,
    label: row.label,
    urlHint: row.urlHint,
    signingSecretSet: row.signingSecretCiphertext !== null,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listWebhooks(db: DbExecutor, scheduleId: string): Promise<WebhookRow[]> {
  return db
    .select()
    .from(scheduleWebhook)
    .where(eq(scheduleWebhook.scheduleId, scheduleId))
    .orderBy(asc(scheduleWebhook.createdAt), asc(scheduleWebhook.id));
}

export async function findWebhook(db: DbExecutor, scheduleId: string, webhookId: string): Promise<WebhookRow> {
  const [row] = await db
    .select()
    .from(scheduleWebhook)
    .where(and(eq(scheduleWebhook.scheduleId, scheduleId), eq(scheduleWebhook.id, webhookId)));
  if (!row) throw notFound(scheduleId, webhookId);
  return row;
}

/** Inserts a webhook with its URL and signing secret encrypted, bound to its own (new) id. */
export async function insertWebhook(
  tx: DbExecutor,
  secretBox: SecretBox,
  scheduleId: string,
  body: WebhookCreateBody,
): Promise<WebhookRow> {
  const [existing] = await tx
    .select({ total: count() })
    .from(scheduleWebhook)
    .where(eq(scheduleWebhook.scheduleId, scheduleId));
  if ((existing?.total ?? 0) >= MAX_WEBHOOKS_PER_SCHEDULE) {
    throw new AppError('CONFLICT', `A schedule has at most ${MAX_WEBHOOKS_PER_SCHEDULE} webhooks: delete one first`);
  }
  const id = randomUUID();
  const [row] = await tx
    .insert(scheduleWebhook)
    .values({
      id,
      scheduleId,
      kind: body.kind,
      label: body.label,
      ...sealWebhookSecrets(secretBox, id, body),
      urlHint: webhookUrlHint(body.url),
      enabled: body.enabled,
    })
    .returning();
  return row as WebhookRow;
}

/** Applies the given fields; a new URL or secret replaces the stored ciphertext, omitted ones stay. */
export async function updateWebhook(
  tx: DbExecutor,
  secretBox: SecretBox,
  current: WebhookRow,
  body: WebhookUpdateBody,
): Promise<WebhookRow> {
  if (current.kind === 'slack' && body.signingSecret !== undefined) {
    throw invalidField('body.signingSecret', 'must be left out for Slack (its incoming webhooks take no signature)');
  }
  const [row] = await tx
    .update(scheduleWebhook)
    .set({
      ...(body.label === undefined ? {} : { label: body.label }),
      ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      ...(body.url === undefined
        ? {}
        : {
            urlCiphertext: secretBox.encrypt(body.url, webhookUrlContext(current.id)),
            urlHint: webhookUrlHint(body.url),
          }),
      ...(body.signingSecret === undefined
        ? {}
        : { signingSecretCiphertext: secretBox.encrypt(body.signingSecret, webhookSigningContext(current.id)) }),
      updatedAt: new Date(),
    })
    .where(eq(scheduleWebhook.id, current.id))
    .returning();
  return row as WebhookRow;
}

export async function deleteWebhook(tx: DbExecutor, scheduleId: string, webhookId: string): Promise<WebhookRow> {
  const [row] = await tx
    .delete(scheduleWebhook)
    .where(and(eq(scheduleWebhook.scheduleId, scheduleId), eq(scheduleWebhook.id, webhookId)))
    .returning();
  if (!row) throw notFound(scheduleId, webhookId);
  return row;
}

/** Whether the schedule posts its reports somewhere besides email: an enabled Slack or webhook. */
export async function hasEnabledWebhook(db: DbExecutor, scheduleId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: scheduleWebhook.id })
    .from(scheduleWebhook)
    .where(and(eq(scheduleWebhook.scheduleId, scheduleId), eq(scheduleWebhook.enabled, true)))
    .limit(1);
  return row !== undefined;
}
