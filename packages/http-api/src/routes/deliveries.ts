import { renderReportEmail } from '@reportmail/emails';
import { AppError } from '@reportmail/errors';
import { createLinkSigner } from '@reportmail/secrets';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { attachmentDisposition, authorizeAttachment } from '../deliveries/attachment-access.js';
import { findArtifact, findDeliveryDetail, findEmailContent, listDeliveries } from '../deliveries/queries.js';
import { resendDelivery } from '../deliveries/resend.js';
import {
  attachmentQuery,
  deliveryDetail,
  deliveryItem,
  deliveryListQuery,
  resendReply,
} from '../deliveries/schemas.js';
import { idempotencyHeaders, idempotencyReservation, REPLAYED_HEADER, runOnceUnder } from '../services/send-once.js';
import { authErrors, bearer, documentReply, errorBody, idParams, page } from './schemas.js';

/** The workbook's bytes (a Buffer, sent as is): documented as a binary string. */
const workbookBytes = z.any().meta({ type: 'string', format: 'binary' });

const notFound = (id: string) => new AppError('NOT_FOUND', `No delivery with id ${id}`);
/**
 * An email is inert: its own styles and inline images, no scripts, forms or requests. The same policy
 * as the schedule preview's (routes/schedule-actions.ts): both show shop data rendered by one template.
 */
const EMAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

/** The delivery log: list, detail, the stored workbook (bearer or signed link) and resend. */
export const deliveryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const signer = createLinkSigner(deps.config.SECRETS_KEY);

  app.get(
    '/v1/deliveries',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['deliveries'],
        summary: 'The delivery log, newest first',
        description:
          'Filters combine: `status`, `scheduleId`, `trigger`, `channel` (`email`, `slack` or `webhook`), `transport` (`smtp` or `outbox`), and `from` ' +
          '(inclusive) / `to` (exclusive) on the creation instant, ISO 8601 with a zone offset. Totals are ' +
          'decimal strings.',
        security: bearer,
        querystring: deliveryListQuery,
        response: { 200: page(deliveryItem), ...authErrors },
      },
    },
    async (request) => {
      const { items, total } = await listDeliveries(db, request.query);
      return { items, page: request.query.page, pageSize: request.query.pageSize, total };
    },
  );

  app.get(
    '/v1/deliveries/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['deliveries'],
        summary: 'One delivery: recipients, outcome, totals, attachment and what the email showed',
        security: bearer,
        params: idParams,
        response: { 200: deliveryDetail, ...authErrors },
      },
    },
    async (request) => {
      const detail = await findDeliveryDetail(db, request.params.id);
      if (!detail) throw notFound(request.params.id);
      return detail;
    },
  );

  app.get(
    '/v1/deliveries/:id/email',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['deliveries'],
        summary: 'The email as it was sent (HTML)',
        description:
          "The delivery's stored email content rendered by the mail worker's renderer (packages/emails). " +
          'One difference: when a too-large workbook was left out and PUBLIC_URL is set, the sent note also ' +
          'carried a signed download link, made at send time; here the note has none (download the workbook ' +
          'from `/v1/deliveries/{id}/attachment`). 404 until the report is generated. Served with a CSP that ' +
          'lets it run no script and load nothing.',
        security: bearer,
        params: idParams,
        response: { 200: documentReply('text/html', 'The email’s HTML part', z.string()), ...authErrors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const stored = await findEmailContent(db, id);
      if (!stored) throw notFound(id);
      if (!stored.content) {
        throw new AppError('NOT_FOUND', `Delivery ${id} has no email yet: its report was not generated`);
      }
      const { html } = await renderReportEmail(stored.content);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', EMAIL_CSP)
        .header('cache-control', 'private, no-store')
        .send(html);
    },
  );

  app.get(
    '/v1/deliveries/:id/attachment',
    {
      schema: {
        tags: ['deliveries'],
        summary: "Download a delivery's stored workbook (XLSX)",
        'x-required-role': 'viewer',
        description:
          'Needs a bearer token (viewer or admin), or the signed link an email carries when its workbook was ' +
          'too large to attach: `expires` (unix seconds) and `signature`. An expired or altered link is a 401.',
        security: bearer,
        params: idParams,
        querystring: attachmentQuery,
        response: {
          200: {
            description: 'The workbook as stored when the report was generated',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: workbookBytes } },
          },
          ...authErrors,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await authorizeAttachment(app, signer, request, { deliveryId: id, query: request.query });
      const artifact = await findArtifact(db, id);
      if (!artifact) throw new AppError('NOT_FOUND', `Delivery ${id} has no stored workbook`);
      return reply
        .header('content-type', artifact.contentType)
        .header('content-disposition', attachmentDisposition(artifact.filename))
        .header('content-length', artifact.content.length)
        .header('cache-control', 'private, no-store')
        .send(artifact.content);
    },
  );

  app.post(
    '/v1/deliveries/:id/resend',
    {
      onRequest: app.requireRole('admin'),
      preHandler: app.limits.sendsPerUser,
      schema: {
        tags: ['deliveries'],
        summary: "Send a delivery's report again (admin)",
        description:
          'Creates a new delivery for the same period and recipients, generated afresh, and queues it (202). ' +
          'A test send is resent as a test; anything else as `manual`, to the email recipients only (the ' +
          "schedule's webhooks are not posted to again; `redeliveryOf` names the original). 409 when the schedule was deleted. " +
          'A Slack or webhook delivery is posted again to its webhook only, with the report as first sent ' +
          '(409 once the webhook is deleted). ' +
          'Records a `delivery.resend` audit entry naming the original (`resendOf`).',
        security: bearer,
        params: idParams,
        headers: idempotencyHeaders,
        response: { 202: resendReply, ...authErrors, 409: errorBody, 503: errorBody },
      },
    },
    async (request, reply) => {
      const idempotency = idempotencyReservation(deps.config.REDIS_PREFIX, {
        userId: request.user.sub,
        header: request.headers['idempotency-key'],
        route: request.url,
        body: null,
      });
      const { value: deliveryId, replayed } = await runOnceUnder(deps.redis, [idempotency], () =>
        resendDelivery(
          { db, reports: deps.queues.reports, mail: deps.queues.mail },
          { deliveryId: request.params.id, actorId: request.user.sub },
        ),
      );
      return reply
        .status(202)
        .headers(replayed ? { [REPLAYED_HEADER]: 'true' } : {})
        .send({ deliveryId });
    },
  );
};
