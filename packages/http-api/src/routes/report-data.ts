import {
  buildReport,
  computeReportSummary,
  isValidTimeZone,
  periodFromLocalDates,
  summaryToJson,
  withReportSnapshot,
} from '@reportmail/reports';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { authErrors, bearer, localDate } from './schemas.js';

/** A year and a day: a leap year's whole range, and the most one request may build. */
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

const reportDataQuery = z
  .strictObject({
    /** First local day (inclusive). */
    from: localDate,
    /** Last local day (inclusive); defaults to `from`. */
    to: localDate.optional(),
    /** IANA zone of the days; defaults to REPORT_TIMEZONE. */
    tz: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Manila').optional(),
    rows: z
      .enum(['true', 'false'])
      .default('true')
      .describe('`false`: totals and methods only, without the `sales` and `repairs` rows (a quick summary)'),
  })
  .superRefine((query, context) => {
    if (query.to === undefined) return;
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
    if (days < 1)
      context.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${query.from})` });
    if (days > MAX_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be within ${MAX_DAYS - 1} days after from (${MAX_DAYS} days in all)`,
      });
    }
  });

const totals = z.object({
  revenue: z.string(),
  salesRevenue: z.string(),
  repairRevenue: z.string(),
  transactions: z.number(),
  salesTransactions: z.number(),
  repairTransactions: z.number(),
});

const paymentRow = {
  paidAt: z.string(),
  localTime: z.string(),
  customer: z.string(),
  method: z.string(),
  amount: z.string(),
  status: z.string(),
};

/** `ReportJson` of @reportmail/reports, the CLI's `--format json`: amounts are decimal strings. */
const reportJson = z.object({
  period: z.object({
    start: z.string(),
    end: z.string(),
    timezone: z.string(),
    label: z.string(),
    firstDay: z.string(),
    lastDay: z.string(),
  }),
  totals,
  breakdown: z.array(
    z.object({
      method: z.string(),
      count: z.number(),
      total: z.string(),
      salesTotal: z.string(),
      repairsTotal: z.string(),
    }),
  ),
  previous: z.object({ start: z.string(), end: z.string(), label: z.string(), totals }),
  comparison: z.object({
    revenueDelta: z.string(),
    revenuePercent: z.number().nullable(),
    transactionsDelta: z.number(),
    transactionsPercent: z.number().nullable(),
  }),
  sales: z
    .array(z.object({ ...paymentRow, invoiceNo: z.string(), items: z.string() }))
    .optional()
    .describe('Every sale payment; absent with rows=false'),
  repairs: z
    .array(z.object({ ...paymentRow, ticketNumber: z.string(), deviceType: z.string() }))
    .optional()
    .describe('Every repair payment; absent with rows=false'),
});

export const reportDataRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/v1/report-data',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['reports'],
        summary: 'The report of whole local days as JSON (what `pnpm report --format json` prints)',
        description:
          'Money received from `from` to `to` (local days, both inclusive, at most 366) in `tz` ' +
          '(default REPORT_TIMEZONE): totals, payment methods, the previous period of equal length and every ' +
          'payment row (not with `rows=false`), read from one consistent snapshot. Amounts are decimal strings.',
        security: bearer,
        querystring: reportDataQuery,
        response: { 200: reportJson, ...authErrors },
      },
    },
    async (request) => {
      const { from, to = from, tz = deps.config.REPORT_TIMEZONE, rows } = request.query;
      const period = periodFromLocalDates(from, to, tz);
      if (rows === 'true') return buildReport(deps.database.sql, period);
      return withReportSnapshot(deps.database.sql, async (tx) => summaryToJson(await computeReportSummary(tx, period)));
    },
  );
};
