import { DEMO_SCHEDULE_NAME, reportSchedule, smtpSettings } from '@reportmail/db';
import { addDays } from '@reportmail/reports';
import type { Queue } from 'bullmq';
import { count, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { authErrors, bearer } from './schemas.js';

const queueCounts = z.object({
  waiting: z.number(),
  active: z.number(),
  delayed: z.number(),
  failed: z.number(),
  completed: z.number(),
});

const overviewReply = z.object({
  currency: z.object({ symbol: z.string(), locale: z.string() }).describe('How money is shown'),
  defaultTimezone: z.string().describe('REPORT_TIMEZONE: the zone new schedules start with'),
  setup: z.object({
    smtpConfigured: z.boolean().describe('false: emails are written to the outbox folder instead of being sent'),
    schedules: z.number(),
    enabledSchedules: z.number(),
    demoSchedulePresent: z.boolean().describe('pnpm demo’s schedule (and so its shop data) is in this database'),
  }),
  queues: z.object({ reports: queueCounts, mail: queueCounts }),
  thisWeek: z
    .object({ from: z.string(), to: z.string() })
    .describe('This week so far in defaultTimezone: Monday to today (YYYY-MM-DD), for GET /v1/report-data'),
});

/** Monday (ISO weeks) to today, as local dates in the zone. */
export function weekSoFar(now: Date, timezone: string): { from: string; to: string } {
  // en-CA writes dates as YYYY-MM-DD.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, dateStyle: 'short' }).format(now);
  const daysSinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return { from: addDays(today, -daysSinceMonday), to: today };
}

async function countsOf(queue: Queue): Promise<z.infer<typeof queueCounts>> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  return {
    waiting: counts.waiting ?? 0,
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    completed: counts.completed ?? 0,
  };
}

/** What the console's home screen and first-run checklist need in one read. */
export const overviewRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.get(
    '/v1/overview',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['ops'],
        summary: 'Setup state, queue health and display settings (the console’s home screen)',
        security: bearer,
        response: { 200: overviewReply, ...authErrors },
      },
    },
    async () => {
      const [[schedules], [enabled], [smtp], [demo], reports, mail] = await Promise.all([
        db.select({ n: count() }).from(reportSchedule),
        db.select({ n: count() }).from(reportSchedule).where(eq(reportSchedule.enabled, true)),
        db.select({ n: count() }).from(smtpSettings),
        db.select({ n: count() }).from(reportSchedule).where(eq(reportSchedule.name, DEMO_SCHEDULE_NAME)),
        countsOf(deps.queues.reports),
        countsOf(deps.queues.mail),
      ]);
      return {
        currency: { symbol: deps.config.CURRENCY_SYMBOL, locale: deps.config.CURRENCY_LOCALE },
        defaultTimezone: deps.config.REPORT_TIMEZONE,
        setup: {
          smtpConfigured: (smtp?.n ?? 0) > 0,
          schedules: schedules?.n ?? 0,
          enabledSchedules: enabled?.n ?? 0,
          demoSchedulePresent: (demo?.n ?? 0) > 0,
        },
        queues: { reports, mail },
        thisWeek: weekSoFar(new Date(), deps.config.REPORT_TIMEZONE),
      };
    },
  );
};
