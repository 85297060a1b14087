import {
  type Cents,
  type CurrencyOptions,
  createMoneyFormatter,
  type LargestPaymentRow,
  parseCents,
  type ReportChange,
  type ReportSummary,
  type RevenueTrend,
} from '@reportmail/reports';
import { z } from 'zod';

export type ReportFrequency = 'daily' | 'every_3_days' | 'weekly' | 'cron';

const line = z.string();

/**
 * Everything the email shows, already formatted: the template only lays it out. Stored on the ledger row
 * when the report is generated and checked with this schema when the mail worker reads it back.
 */
export const reportEmailData = z.strictObject({
  subject: line,
  title: line,
  periodLabel: line,
  timezone: line,
  kpis: z.array(z.strictObject({ label: line, value: line, detail: line })),
  breakdown: z.array(z.strictObject({ method: line, count: line, total: line, sales: line, repairs: line })),
  breakdownTotal: z.strictObject({ count: line, total: line, sales: line, repairs: line }),
  largest: z.array(
    z.strictObject({
      key: line,
      when: line,
      reference: line,
      customer: line,
      kind: line,
      method: line,
      amount: line,
    }),
  ),
  notes: z.array(line),
  generatedAt: line,
  /** Revenue per day (or per same weekday), drawn as bars; null when the period is too long (absent in older rows). */
  trend: z
    .strictObject({
      title: line,
      days: z.array(
        z.strictObject({
          key: line,
          label: line,
          total: line,
          sales: line,
          repairs: line,
          /** Bar lengths, percent of the largest day's total. */
          salesWidth: z.number().int().min(0).max(100),
          repairsWidth: z.number().int().min(0).max(100),
          current: z.boolean(),
        }),
      ),
    })
    .nullable()
    .default(null),
  /** Earlier reports of the schedule whose figures changed since they were sent (absent in older rows). */
  changes: z
    .array(
      z.strictObject({
        key: line,
        period: line,
        sent: line,
        sentTotal: line,
        totalNow: line,
        difference: line,
        payments: z.array(
          z.strictObject({
            key: line,
            change: line,
            payment: line,
            customer: line,
            method: line,
            when: line,
            reason: line,
          }),
        ),
      }),
    )
    .default([]),
});

export type ReportEmailData = z.infer<typeof reportEmailData>;

const TITLES: Record<ReportFrequency, string> = {
  daily: 'Daily Sales Report',
  every_3_days: 'Every 3 Days Sales Report',
  weekly: 'Weekly Sales Report',
  cron: 'Sales Report',
};

/** `Daily Sales Report - Feb 25, 2026`; test sends are marked `[TEST]`. */
export function reportSubject(frequency: ReportFrequency, periodLabel: string, isTest = false): string {
  return `${isTest ? '[TEST] ' : ''}${TITLES[frequency]} - ${periodLabel}`;
}

export type EmailDataInput = {
  summary: ReportSummary;
  largest: LargestPaymentRow[];
  frequency: ReportFrequency;
  currency: CurrencyOptions;
  /** Already formatted in the report's zone, e.g. `Feb 26, 2026, 09:00`. */
  generatedAt: string;
  notes?: string[];
  isTest?: boolean;
  trend?: RevenueTrend | null;
  /** Earlier reports whose figures changed since they were sent, with `sent` formatted like generatedAt. */
  changes?: ReportChange[];
  formatInstant?: (instant: Date) => string;
};

export function buildReportEmailData(input: EmailDataInput): ReportEmailData {
  const { summary, currency } = input;
  const money = createMoneyFormatter(currency);
  const count = new Intl.NumberFormat(currency.locale);
  const { totals, comparison, previous } = summary;
  return {
    subject: reportSubject(input.frequency, summary.period.label, input.isTest),
    title: TITLES[input.frequency],
    periodLabel: summary.period.label,
    timezone: summary.period.timezone,
    kpis: [
      { label: 'Total revenue', value: money(totals.revenue), detail: 'payments received' },
      { label: 'Transactions', value: count.format(totals.transactions), detail: 'payments counted' },
      {
        label: 'Sales revenue',
        value: money(totals.salesRevenue),
        detail: payments(count, totals.salesTransactions),
      },
      {
        label: 'Repair revenue',
        value: money(totals.repairRevenue),
        detail: payments(count, totals.repairTransactions),
      },
      {
        label: 'Change vs previous period',
        value: `${signed(comparison.revenueDelta, money)}${percentText(comparison.revenuePercent)}`,
        detail: `${previous.period.label}: ${money(previous.totals.revenue)}`,
      },
    ],
    breakdown: summary.breakdown.map((entry) => ({
      method: entry.method,
      count: count.format(entry.count),
      total: money(entry.total),
      sales: money(entry.salesTotal),
      repairs: money(entry.repairsTotal),
    })),
    breakdownTotal: {
      count: count.format(totals.transactions),
      total: money(totals.revenue),
      sales: money(totals.salesRevenue),
      repairs: money(totals.repairRevenue),
    },
    largest: input.largest.map((row) => ({
      key: `${row.kind}-${row.id}`,
      when: row.local_time,
      reference: row.reference,
      customer: row.customer,
      kind: row.kind === 'sale' ? 'Sale' : 'Repair',
      method: row.method,
      amount: money(parseCents(row.amount)),
    })),
    notes: input.notes ?? [],
    generatedAt: input.generatedAt,
    trend: input.trend ? trendData(input.trend, summary.period.lastDay, money) : null,
    changes: (input.changes ?? []).map((change) => changeData(change, money, input.formatInstant)),
  };
}

const DAY_LABEL = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' });
const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The bars' lengths as whole percents of the largest day (a width, never money: rounding is harmless). */
const percentOf = (part: Cents, whole: Cents) => (whole === 0n ? 0 : Number((part * 100n + whole / 2n) / whole));

function trendData(trend: RevenueTrend, currentDay: string, money: (cents: Cents) => string): ReportEmailData['trend'] {
  // Cents are bigints, which Math.max does not take.
  let largest = 0n;
  for (const day of trend.days) if (day.sales + day.repairs > largest) largest = day.sales + day.repairs;
  const weeks = trend.days.length - 1;
  const title =
    trend.kind === 'weekday'
      ? `${WEEKDAY.format(utcDay(currentDay))}s, last ${weeks} week${weeks === 1 ? '' : 's'}`
      : 'Revenue by day';
  return {
    title,
    days: trend.days.map((day) => ({
      key: day.day,
      label: DAY_LABEL.format(utcDay(day.day)),
      total: money(day.sales + day.repairs),
      sales: money(day.sales),
      repairs: money(day.repairs),
      salesWidth: percentOf(day.sales, largest),
      repairsWidth: Math.min(percentOf(day.repairs, largest), 100 - percentOf(day.sales, largest)),
      current: trend.kind === 'weekday' && day.day === currentDay,
    })),
  };
}

function changeData(
  change: ReportChange,
  money: (cents: Cents) => string,
  formatInstant: (instant: Date) => string = (instant) => instant.toISOString(),
): ReportEmailData['changes'][number] {
  return {
    key: change.period.start.toISOString(),
    period: change.period.label,
    sent: formatInstant(change.sentAt),
    sentTotal: money(change.sentTotal),
    totalNow: money(change.totalNow),
    difference: signed(change.totalNow - change.sentTotal, money),
    payments: change.payments.map((payment) => ({
      key: `${payment.kind}-${payment.id}`,
      change: signed(payment.effect, money),
      payment: `${payment.kind === 'sale' ? 'Sale' : 'Repair'} ${payment.reference || `#${payment.id}`}`,
      customer: payment.customer,
      method: payment.method,
      when: payment.localTime,
      reason: payment.reason,
    })),
  };
}

function signed(cents: Cents, money: (cents: Cents) => string): string {
  return cents > 0n ? `+${money(cents)}` : money(cents);
}

function percentText(percent: number | null): string {
  if (percent === null) return '';
  return ` (${percent > 0 ? '+' : ''}${percent.toFixed(2)}%)`;
}

function payments(count: Intl.NumberFormat, n: number): string {
  return `${count.format(n)} ${n === 1 ? 'payment' : 'payments'}`;
}
