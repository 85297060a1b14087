import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { recordAudit } from '../audit.js';
import { findSchedule } from '../schedules/schedule-store.js';
import {
  webhookCreateBody,
  webhookParams,
  webhookReply,
  webhookTestReply,
  webhookUpdateBody,
} from '../webhooks/schemas.js';
import { postTestMessage } from '../webhooks/test-post.js';
import { assertWebhookUrlAllowed } from '../webhooks/url-guard.js';
import {
  deleteWebhook,
  findWebhook,
  insertWebhook,
  listWebhooks,
  updateWebhook,
  webhookJson,
} from '../webhooks/webhook-store.js';
import { authErrors, bearer, idParams } from './schemas.js';

const tags = ['webhooks'];
const target = (id: string) => `webhook:${id}`;
const SECRETS_RULE =
  'The URL and signing secret are write-only: stored encrypted, never returned (`urlHint`, `signingSecretSet`).';
const URL_RULES =
  'The URL must be https and resolve to public addresses only (unless ALLOW_PRIVATE_WEBHOOKS is set); a Slack ' +
  'URL must be on hooks.slack.com. Refusals name `body.url`.';

/**
 * A schedule's Slack and generic webhooks: besides the email, each report is posted to every enabled one,
 * each as its own delivery in the log. Read by any signed-in user, written (and tested) by admins.
 */
export const webhookRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const allowPrivate = deps.config.ALLOW_PRIVATE_WEBHOOKS;
  const admin = { onRequest: app.requireRole('admin') };

  app.get(
    '/v1/schedules/:id/webhooks',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: "A schedule's webhooks",
        description: SECRETS_RULE,
        security: bearer,
        params: idParams,
        response: { 200: z.object({ items: z.array(webhookReply) }), ...authErrors },
      },
    },
    async (request) => {
      await findSchedule(db, request.params.id);
      return { items: (await listWebhooks(db, request.params.id)).map(webhookJson) };
    },
  );

  app.post(
    '/v1/schedules/:id/webhooks',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Add a Slack or generic webhook to a schedule (admin)',
        description:
          '`slack`: a Slack incoming webhook, posted a Block Kit message. `webhook`: a signed JSON document ' +
          `(see the README's "Slack and webhooks"); it needs a \`signingSecret\`. ${URL_RULES} ${SECRETS_RULE} ` +
          'At most 10 per schedule (409). Records a `webhook.create` audit entry.',
        security: bearer,
        params: idParams,
        body: webhookCreateBody,
        response: { 201: webhookReply, 409: authErrors[404], ...authErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await assertWebhookUrlAllowed(request.body.url, { allowPrivate, kind: request.body.kind, field: 'body.url' });
      const row = await db.transaction(async (tx) => {
        await findSchedule(tx, id, { forUpdate: true });
        const created = await insertWebhook(tx, deps.secretBox, id, request.body);
        await recordAudit(tx, {
          actorId: request.user.sub,
          action: 'webhook.create',
          target: target(created.id),
          details: { scheduleId: id, kind: created.kind, label: created.label, enabled: created.enabled },
        });
        return created;
      });
      return reply.status(201).send(webhookJson(row));
    },
  );

  app.patch(
    '/v1/schedules/:id/webhooks/:webhookId',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Change a webhook (admin)',
        description: `Changes the fields given; omitted ones (the URL, the secret) stay. ${URL_RULES} Records a \`webhook.update\` audit entry (\`urlChanged\`, \`signingSecretChanged\`, never the values).`,
        security: bearer,
        params: webhookParams,
        body: webhookUpdateBody,
        response: { 200: webhookReply, ...authErrors },
      },
    },
    async (request) => {
      const { id, webhookId } = request.params;
      const current = await findWebhook(db, id, webhookId);
      if (request.body.url !== undefined) {
        await assertWebhookUrlAllowed(request.body.url, { allowPrivate, kind: current.kind, field: 'body.url' });
      }
      const row = await db.transaction(async (tx) => {
        const updated = await updateWebhook(tx, deps.secretBox, current, request.body);
        const changed = Object.keys(request.body).filter((key) => key === 'label' || key === 'enabled');
        await recordAudit(tx, {
          actorId: request.user.sub,
          action: 'webhook.update',
          target: target(webhookId),
          details: {
            scheduleId: id,
            label: updated.label,
            changed,
            urlChanged: request.body.url !== undefined,
            signingSecretChanged: request.body.signingSecret !== undefined,
          },
        });
        return updated;
      });
      return webhookJson(row);
    },
  );

  app.delete(
    '/v1/schedules/:id/webhooks/:webhookId',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Remove a webhook (admin)',
        description:
          'Its deliveries stay in the log under its label; one still being posted ends failed. Records a `webhook.delete` audit entry.',
        security: bearer,
        params: webhookParams,
        response: { 204: z.null(), ...authErrors },
      },
    },
    async (request, reply) => {
      const { id, webhookId } = request.params;
      await db.transaction(async (tx) => {
        const removed = await deleteWebhook(tx, id, webhookId);
        await recordAudit(tx, {
          actorId: request.user.sub,
          action: 'webhook.delete',
          target: target(webhookId),
          details: { scheduleId: id, kind: removed.kind, label: removed.label },
        });
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/schedules/:id/webhooks/:webhookId/test',
    {
      ...admin,
      preHandler: app.limits.sendsPerUser,
      schema: {
        tags,
        summary: 'Post a test message to a webhook (admin)',
        description:
          'Posts a short test message (Slack) or a signed `webhook.test` document through the same guard and ' +
          'signature as reports, and answers 200 `{ok, status, message}` with how the receiver answered. Writes ' +
          'no delivery; counts against the per-user send limit; records a `webhook.test` audit entry.',
        security: bearer,
        params: webhookParams,
        response: { 200: webhookTestReply, ...authErrors },
      },
    },
    async (request) => {
      const { id, webhookId } = request.params;
      const schedule = await findSchedule(db, id);
      const hook = await findWebhook(db, id, webhookId);
      const result = await postTestMessage(deps.secretBox, hook, { scheduleName: schedule.name, allowPrivate });
      await recordAudit(db, {
        actorId: request.user.sub,
        action: 'webhook.test',
        target: target(webhookId),
        details: { scheduleId: id, ok: result.ok, status: result.status },
      });
      return result;
    },
  );
};
