import { AppError } from '@reportmail/errors';
import type { ReportPeriod } from '@reportmail/reports';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import {
  MAX_PREVIEW_DAYS,
  MAX_RUN_DAYS,
  nextRunReply,
  nextRunsJson,
  periodJson,
  periodReply,
  requestedPeriod,
} from '../schedules/periods.js';
import { previewEmailHtml, previewWorkbook, XLSX_CONTENT_TYPE } from '../schedules/previews.js';
import { recipientsOf, type ScheduleRow } from '../schedules/schedule-rows.js';
import { findSchedule } from '../schedules/schedule-store.js';
import { queueManualRun } from '../services/manual-runs.js';
import {
  idempotencyHeaders,
  idempotencyReservation,
  REPLAYED_HEADER,
  runOnceUnder,
  SEND_NOW_WINDOW_SECONDS,
  sendNowReservation,
} from '../services/send-once.js';
import { hasEnabledWebhook } from '../webhooks/webhook-store.js';
import { authErrors, bearer, documentReply, emailAddress, errorBody, idParams, instant, localDate } from './schemas.js';

const tags = ['schedules'];
const rangeQuery = z.object({ from: localDate.optional(), to: localDate.optional() });
const runBody = z
  .strictObject({
    from: localDate.optional(),
    to: localDate.optional(),
    force: z
      .boolean()
      .optional()
      .describe(`Send even if the same period was sent now within ${SEND_NOW_WINDOW_SECONDS} s (default false)`),
  })
  .nullish();
const testBody = z.strictObject({ to: emailAddress });
const sendReply = z.object({ deliveryId: z.string(), period: periodReply });
const nextRunsQuery = z.object({
  count: z.coerce.number().int().min(1).max(50).default(5),
  after: instant.optional().describe('ISO instant to count from (default: now)'),
});
const nextRunsReply = z.object({
  enabled: z.boolean(),
  runs: z.array(nextRunReply),
  note: z.string().nullable().describe('Why there are no runs, when there are none'),
});
const SWITCHED_OFF = 'The schedule is off: it sends nothing until it is switched on (PATCH {"enabled": true})';
/** An email is inert: its own styles and inline images, no scripts, forms or requests. */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
/** The workbook's bytes (a Buffer, sent as is): documented as a binary string. */
const workbookBytes = z.any().meta({ type: 'string', format: 'binary' });

/**
 * The period a send-now press is known by. One that runs up to the press (to date, or a cron schedule's
 * span since its last run) ends a little later at every press: pressed again within the window it is the
 * same period, so it is known by its start alone.
 */
function pressed(period: ReportPeriod, now: Date): { start: Date; end: Date } {
  return period.end.getTime() === now.getTime() ? { start: period.start, end: period.start } : period;
}

/** Schedule actions: preview its runs and its email, send it now, send a test. */
export const scheduleActionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db, sql } = deps.database;
  const currency = { symbol: deps.config.CURRENCY_SYMBOL, locale: deps.config.CURRENCY_LOCALE };
  const sends = { onRequest: app.requireRole('admin'), preHandler: app.limits.sendsPerUser };
  const prefix = deps.config.REDIS_PREFIX;
  const idempotency = (request: FastifyRequest) =>
    idempotencyReservation(prefix, {
      userId: request.user.sub,
      header: request.headers['idempotency-key'],
      route: request.url,
      body: request.body,
    });

  /** Queues a manual or test run of the period and answers what it will report on. */
  const queueRun = async (
    schedule: ScheduleRow,
    run: { trigger: 'manual' | 'test'; period: ReportPeriod; to: string[] | null; actorId: string },
  ) => {
    const recipients = run.to ? { to: run.to, cc: [], bcc: [] } : recipientsOf(schedule);
    // A schedule with no email recipient may still post its report to its Slack and webhooks.
    const postedOnly = run.trigger === 'manual' && (await hasEnabledWebhook(db, schedule.id));
    if (recipients.to.length === 0 && !postedOnly) {
      throw new AppError('VALIDATION', 'The schedule has no "to" recipient: add one before sending it', {
        details: [{ field: 'recipients.to', message: 'the schedule has no "to" recipient' }],
      });
    }
    const deliveryId = await queueManualRun(
      { db, reports: deps.queues.reports },
      {
        scheduleId: schedule.id,
        trigger: run.trigger,
        reportType: `${schedule.frequency}_sales`,
        period: run.period,
        recipients,
        actorId: run.actorId,
        action: run.trigger === 'test' ? 'schedule.test' : 'schedule.run',
        auditDetails: run.to ? { to: run.to } : {},
      },
    );
    return { deliveryId, period: periodJson(run.period) };
  };

  app.get(
    '/v1/schedules/:id/next-runs',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'When the schedule will run next, and the period each run reports on',
        description:
          'Computed with the scheduler’s own functions. A schedule that is off sends nothing: `enabled` is false, ' +
          '`runs` empty and `note` says so.',
        security: bearer,
        params: idParams,
        querystring: nextRunsQuery,
        response: { 200: nextRunsReply, ...authErrors },
      },
    },
    async (request) => {
      const schedule = await findSchedule(db, request.params.id);
      if (!schedule.enabled) return { enabled: false, runs: [], note: SWITCHED_OFF };
      const after = request.query.after ? new Date(request.query.after) : new Date();
      return { enabled: true, runs: nextRunsJson(schedule, after, request.query.count), note: null };
    },
  );

  app.post(
    '/v1/schedules/:id/run',
    {
      ...sends,
      schema: {
        tags,
        summary: 'Send the report now to the schedule’s recipients',
        description:
          'For the local dates from–to (inclusive, in the schedule’s zone) or, without a body, for the period ' +
          `a run right now would report on. At most ${MAX_RUN_DAYS} days, not starting in the future. Pressed ` +
          `again for the same period within ${SEND_NOW_WINDOW_SECONDS} s it answers with the first delivery ` +
          '(`idempotent-replayed: true`) unless `force` is true.',
        security: bearer,
        params: idParams,
        headers: idempotencyHeaders,
        body: runBody,
        response: { 202: sendReply, ...authErrors, 503: errorBody },
      },
    },
    async (request, reply) => {
      const schedule = await findSchedule(db, request.params.id);
      const { force = false, ...range } = request.body ?? {};
      const now = new Date();
      const period = requestedPeriod(schedule, { range, source: 'body', maxDays: MAX_RUN_DAYS, now });
      const repeatPress = force
        ? null
        : sendNowReservation(prefix, { scheduleId: schedule.id, period: pressed(period, now) });
      const { value, replayed } = await runOnceUnder(deps.redis, [idempotency(request), repeatPress], () =>
        queueRun(schedule, { trigger: 'manual', period, to: null, actorId: request.user.sub }),
      );
      return reply
        .status(202)
        .headers(replayed ? { [REPLAYED_HEADER]: 'true' } : {})
        .send(value);
    },
  );

  app.post(
    '/v1/schedules/:id/test',
    {
      ...sends,
      schema: {
        tags,
        summary: 'Send a test of the current period to one address',
        description: 'Only that address receives it, with [TEST] in the subject.',
        security: bearer,
        params: idParams,
        headers: idempotencyHeaders,
        body: testBody,
        response: { 202: sendReply, ...authErrors, 503: errorBody },
      },
    },
    async (request, reply) => {
      const schedule = await findSchedule(db, request.params.id);
      const period = requestedPeriod(schedule, { range: {}, source: 'body', maxDays: MAX_RUN_DAYS, now: new Date() });
      const to = [request.body.to];
      const { value, replayed } = await runOnceUnder(deps.redis, [idempotency(request)], () =>
        queueRun(schedule, { trigger: 'test', period, to, actorId: request.user.sub }),
      );
      return reply
        .status(202)
        .headers(replayed ? { [REPLAYED_HEADER]: 'true' } : {})
        .send(value);
    },
  );

  const previewPeriod = async (id: string, range: z.infer<typeof rangeQuery>) => {
    const schedule = await findSchedule(db, id);
    const period = requestedPeriod(schedule, {
      range,
      source: 'querystring',
      maxDays: MAX_PREVIEW_DAYS,
      now: new Date(),
    });
    return { schedule, period };
  };
  const previewDescription = `Nothing is sent or logged. Default: the current period; at most ${MAX_PREVIEW_DAYS} days.`;

  app.get(
    '/v1/schedules/:id/preview',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'The report email (HTML) the schedule would send for a period',
        description: previewDescription,
        security: bearer,
        params: idParams,
        querystring: rangeQuery,
        response: { 200: documentReply('text/html', 'The email’s HTML', z.string()), ...authErrors },
      },
    },
    async (request, reply) => {
      const { schedule, period } = await previewPeriod(request.params.id, request.query);
      const html = await previewEmailHtml({ sql, currency }, schedule, period);
      // Shop data (customer names) is in it: opened in a browser, it may show itself but never run code.
      return reply.type('text/html; charset=utf-8').header('content-security-policy', PREVIEW_CSP).send(html);
    },
  );

  app.get(
    '/v1/schedules/:id/preview.xlsx',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: 'The workbook the schedule would attach for a period',
        description: previewDescription,
        security: bearer,
        params: idParams,
        querystring: rangeQuery,
        response: { 200: documentReply(XLSX_CONTENT_TYPE, 'The workbook', workbookBytes), ...authErrors },
      },
    },
    async (request, reply) => {
      const { schedule, period } = await previewPeriod(request.params.id, request.query);
      const workbook = await previewWorkbook({ sql, currency }, schedule, period);
      return reply
        .type(XLSX_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="${workbook.filename}"`)
        .send(workbook.content);
    },
  );
};
