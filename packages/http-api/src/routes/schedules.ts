import { reportSchedule } from '@reportmail/db';
import { invalidField } from '@reportmail/errors';
import type { ScheduleTiming } from '@reportmail/schedules';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { recordAudit } from '../audit.js';
import { draftTimingBody, draftTimingJson, draftTimingReply } from '../schedules/draft-timing.js';
import { plannedNextRun } from '../schedules/periods.js';
import { ENABLED_NEEDS_TO, scheduleBody } from '../schedules/schedule-body.js';
import {
  anchorDateOf,
  changedFields,
  EDITABLE_FIELDS,
  type ScheduleRow,
  scheduleJson,
  scheduleReply,
  scheduleValues,
} from '../schedules/schedule-rows.js';
import {
  announceScheduleChange,
  deleteSchedule,
  findSchedule,
  findScheduleWithDelivery,
  listSchedules,
  updateSchedule,
} from '../schedules/schedule-store.js';
import { hasEnabledWebhook } from '../webhooks/webhook-store.js';
import { authErrors, bearer, errorBody, idParams, page, pageQuery } from './schemas.js';

const tags = ['schedules'];
const listQuery = z.object({
  ...pageQuery,
  enabled: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .describe('Only enabled (true) or disabled (false) schedules'),
});
const toggleBody = z.strictObject({ enabled: z.boolean() });

const target = (id: string) => `schedule:${id}`;

/** A schedule's column values (scheduleValues sets every timing field) with the next run they plan. */
const withNextRun = <Values extends object>(values: Values, now: Date) => ({
  ...values,
  nextRunAt: plannedNextRun(values as Values & ScheduleTiming & { enabled: boolean }, now),
});

/**
 * Report schedules: read by any signed-in user, written by admins. Every write records an audit entry in
 * its own transaction and, once committed, signals the scheduler so the change takes effect at once.
 */
export const scheduleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const body = scheduleBody(deps.config.REPORT_TIMEZONE);
  const replaceBody = scheduleBody(deps.config.REPORT_TIMEZONE, { webhooksChecked: true });
  const reader = { onRequest: app.authenticate };
  const admin = { onRequest: app.requireRole('admin') };

  app.get(
    '/v1/schedules',
    {
      ...reader,
      schema: {
        tags,
        summary: 'List schedules by name',
        security: bearer,
        querystring: listQuery,
        response: { 200: page(scheduleReply), ...authErrors },
      },
    },
    async (request) => {
      const { items, total } = await listSchedules(db, request.query);
      const { page: pageNumber, pageSize } = request.query;
      const schedules = items.map(({ row, lastDelivery }) => scheduleJson(row, lastDelivery));
      return { items: schedules, page: pageNumber, pageSize, total };
    },
  );

  app.get(
    '/v1/schedules/:id',
    {
      ...reader,
      schema: {
        tags,
        summary: 'One schedule',
        security: bearer,
        params: idParams,
        response: { 200: scheduleReply, ...authErrors },
      },
    },
    async (request) => {
      const { row, lastDelivery } = await findScheduleWithDelivery(db, request.params.id);
      return scheduleJson(row, lastDelivery);
    },
  );

  app.post(
    '/v1/schedules/timing',
    {
      ...reader,
      schema: {
        tags,
        summary: 'What a timing means, before it is saved',
        description:
          'For a schedule being edited: the words for its timing, its next runs with the period and email ' +
          'subject of each, and the period a send now would cover, from the scheduler’s own functions. Takes ' +
          'and checks the timing fields as POST /v1/schedules does (errors name `body.<field>`); writes nothing.',
        security: bearer,
        body: draftTimingBody(deps.config.REPORT_TIMEZONE),
        response: { 200: draftTimingReply, ...authErrors },
      },
    },
    async (request) => {
      const { count, after, ...timing } = request.body;
      const now = after ? new Date(after) : new Date();
      return draftTimingJson({ ...timing, anchorDate: anchorDateOf(timing, now) }, now, count);
    },
  );

  app.post(
    '/v1/schedules',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Create a schedule',
        description: 'Fields left out take their defaults; an enabled schedule needs a "to" recipient.',
        security: bearer,
        body,
        response: { 201: scheduleReply, ...authErrors },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const row = await db.transaction(async (tx) => {
        const values = { ...withNextRun(scheduleValues(request.body, null, now), now), createdAt: now };
        const [created] = (await tx.insert(reportSchedule).values(values).returning()) as [ScheduleRow];
        await recordAudit(tx, {
          actorId: request.user.sub,
          action: 'schedule.create',
          target: target(created.id),
          details: { name: created.name, changed: [...EDITABLE_FIELDS] },
        });
        return created;
      });
      await announceScheduleChange(deps, request.log, row.id);
      return reply.status(201).send(scheduleJson(row, null));
    },
  );

  app.put(
    '/v1/schedules/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Replace a schedule',
        description:
          'Replaces every editable field: a field left out takes its default, as on create. An enabled schedule ' +
          'with an enabled Slack or webhook may have no "to" recipient: its reports are then posted only.',
        security: bearer,
        params: idParams,
        body: replaceBody,
        response: { 200: scheduleReply, ...authErrors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const now = new Date();
      const saved = await db.transaction(async (tx) => {
        const before = await findSchedule(tx, id, { forUpdate: true });
        if (request.body.enabled && request.body.recipients.to.length === 0 && !(await hasEnabledWebhook(tx, id))) {
          throw invalidField('body.recipients.to', ENABLED_NEEDS_TO);
        }
        const after = await updateSchedule(tx, id, withNextRun(scheduleValues(request.body, before, now), now));
        await recordAudit(tx, {
          actorId: request.user.sub,
          action: 'schedule.update',
          target: target(id),
          details: { name: after.name, changed: changedFields(before, after) },
        });
        return findScheduleWithDelivery(tx, id);
      });
      await announceScheduleChange(deps, request.log, id);
      return scheduleJson(saved.row, saved.lastDelivery);
    },
  );

  app.patch(
    '/v1/schedules/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Switch a schedule on or off',
        description:
          'Switching on records when (catch-up never sends runs from before it) and needs a "to" recipient or an ' +
          'enabled Slack or webhook; ' +
          'switching off keeps the schedule. The reply’s `nextRunAt` is already true after the change (null when off).',
        security: bearer,
        params: idParams,
        body: toggleBody,
        response: { 200: scheduleReply, ...authErrors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { enabled } = request.body;
      const now = new Date();
      const saved = await db.transaction(async (tx) => {
        const before = await findSchedule(tx, id, { forUpdate: true });
        if (enabled && before.recipientsTo.length === 0 && !(await hasEnabledWebhook(tx, id))) {
          throw invalidField(
            'body.enabled',
            'the schedule has no "to" recipient: add one (PUT) before switching it on, or a Slack or webhook',
          );
        }
        const switchedOn = enabled && !before.enabled;
        const nextRunAt = plannedNextRun({ ...before, enabled }, now);
        const values = { enabled, updatedAt: now, nextRunAt, ...(switchedOn && { enabledAt: now }) };
        const after = await updateSchedule(tx, id, values);
        await recordAudit(tx, {
          actorId: request.user.sub,
          action: enabled ? 'schedule.enable' : 'schedule.disable',
          target: target(id),
          details: { name: after.name, changed: before.enabled === enabled ? [] : ['enabled'] },
        });
        return findScheduleWithDelivery(tx, id);
      });
      await announceScheduleChange(deps, request.log, id);
      return scheduleJson(saved.row, saved.lastDelivery);
    },
  );

  app.delete(
    '/v1/schedules/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Delete a schedule',
        description: 'Its deliveries stay in the log, no longer linked to a schedule.',
        security: bearer,
        params: idParams,
        response: { 204: z.null(), 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await db.transaction(async (tx) => {
        const deleted = await deleteSchedule(tx, id);
        await recordAudit(tx, {
          actorId: request.user.sub,
          action: 'schedule.delete',
          target: target(id),
          details: { name: deleted.name },
        });
      });
      await announceScheduleChange(deps, request.log, id);
      return reply.status(204).send(null);
    },
  );
};
