import {
  type Cents,
  type CurrencyOptions,
  createMoneyFormatter,
  type LargestPaymentRow,
  parseCents,
  type ReportChange,
  type ReportSummary,
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
    changes: (input.changes ?? []).map((change) => changeData(change, money, input.formatInstant)),
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
