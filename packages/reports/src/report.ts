import type { Sql, TransactionSql } from 'postgres';
import { formatDecimal } from './money.js';
import type { ReportPeriod } from './period.js';
import { productNames, type RepairDetailRow, repairDetailRows, type SaleDetailRow, saleDetailRows } from './queries.js';
import { createSaleItemsFormatter } from './sale-items.js';
import { computeReportSummary, type ReportSummary, type TotalsJson, totalsToJson } from './summary.js';

export type PeriodJson = {
  start: string;
  end: string;
  timezone: string;
  label: string;
  firstDay: string;
  lastDay: string;
};

export type SaleRowJson = {
  paidAt: string;
  localTime: string;
  invoiceNo: string;
  customer: string;
  items: string;
  method: string;
  amount: string;
  status: string;
};

export type RepairRowJson = {
  paidAt: string;
  localTime: string;
  ticketNumber: string;
  customer: string;
  deviceType: string;
  method: string;
  amount: string;
  status: string;
};

export type ReportJson = {
  period: PeriodJson;
  totals: TotalsJson;
  breakdown: {
    method: string;
    count: number;
    total: string;
    salesTotal: string;
    repairsTotal: string;
  }[];
  previous: { start: string; end: string; label: string; totals: TotalsJson };
  comparison: {
    revenueDelta: string;
    revenuePercent: number | null;
    transactionsDelta: number;
    transactionsPercent: number | null;
  };
  sales: SaleRowJson[];
  repairs: RepairRowJson[];
};

/**
 * Runs `work` on one consistent snapshot, so totals and detail rows agree even while payments
 * are being recorded.
 */
export function withReportSnapshot<T>(sql: Sql, work: (tx: TransactionSql) => Promise<T>): Promise<T> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    // JIT compilation costs these short, index-driven queries far more than it saves.
    await tx`set local jit = off`;
    return work(tx);
  }) as Promise<T>;
}

/** The whole report as JSON-ready data (the CLI's and the API's format). */
export function buildReport(sql: Sql, period: ReportPeriod): Promise<ReportJson> {
  return withReportSnapshot(sql, async (tx) => {
    const summary = await computeReportSummary(tx, period);
    const formatItems = createSaleItemsFormatter(await productNames(tx));
    const sales = await saleDetailRows(tx, period, period.timezone, 'json');
    const repairs = await repairDetailRows(tx, period, period.timezone, 'json');
    return {
      ...summaryToJson(summary),
      sales: sales.map((row) => saleRowToJson(row, formatItems)),
      repairs: repairs.map(repairRowToJson),
    };
  });
}

export function summaryToJson(summary: ReportSummary): Omit<ReportJson, 'sales' | 'repairs'> {
  const { period, previous, comparison } = summary;
  return {
    period: periodToJson(period),
    totals: totalsToJson(summary.totals),
    breakdown: summary.breakdown.map((entry) => ({
      method: entry.method,
      count: entry.count,
      total: formatDecimal(entry.total),
      salesTotal: formatDecimal(entry.salesTotal),
      repairsTotal: formatDecimal(entry.repairsTotal),
    })),
    previous: {
      start: previous.period.start.toISOString(),
      end: previous.period.end.toISOString(),
      label: previous.period.label,
      totals: totalsToJson(previous.totals),
    },
    comparison: {
      revenueDelta: formatDecimal(comparison.revenueDelta),
      revenuePercent: comparison.revenuePercent,
      transactionsDelta: comparison.transactionsDelta,
      transactionsPercent: comparison.transactionsPercent,
    },
  };
}

function periodToJson(period: ReportPeriod): PeriodJson {
  return {
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    timezone: period.timezone,
    label: period.label,
    firstDay: period.firstDay,
    lastDay: period.lastDay,
  };
}

function saleRowToJson(row: SaleDetailRow, formatItems: (code: string) => string): SaleRowJson {
  return {
    paidAt: row.paid_at,
    localTime: row.local_time,
    invoiceNo: row.invoice_no,
    customer: row.customer,
    items: formatItems(row.items_code),
    method: row.method,
    amount: row.amount,
    status: row.status,
  };
}

function repairRowToJson(row: RepairDetailRow): RepairRowJson {
  return {
    paidAt: row.paid_at,
    localTime: row.local_time,
    ticketNumber: row.ticket_number,
    customer: row.customer,
    deviceType: row.device_type,
    method: row.method,
    amount: row.amount,
    status: row.status,
  };
}
