import { type Cents, formatDecimal, parseCents, percentChange } from './money.js';
import { previousPeriod, type ReportPeriod } from './period.js';
import { type MethodTotalRow, methodTotals, type Querier } from './queries.js';

export type Totals = {
  revenue: Cents;
  salesRevenue: Cents;
  repairRevenue: Cents;
  transactions: number;
  salesTransactions: number;
  repairTransactions: number;
};

export type MethodBreakdown = {
  method: string;
  count: number;
  total: Cents;
  salesCount: number;
  salesTotal: Cents;
  repairsCount: number;
  repairsTotal: Cents;
};

export type Comparison = {
  revenueDelta: Cents;
  revenuePercent: number | null;
  transactionsDelta: number;
  transactionsPercent: number | null;
};

export type ReportSummary = {
  period: ReportPeriod;
  totals: Totals;
  breakdown: MethodBreakdown[];
  previous: { period: ReportPeriod; totals: Totals };
  comparison: Comparison;
};

/** Totals and the per-method breakdown; the breakdown sums exactly to the totals by construction. */
export function summarise(rows: MethodTotalRow[]): {
  totals: Totals;
  breakdown: MethodBreakdown[];
} {
  const byMethod = new Map<string, MethodBreakdown>();
  for (const row of rows) {
    const entry = byMethod.get(row.method) ?? emptyMethod(row.method);
    const amount = parseCents(row.total);
    entry.count += row.count;
    entry.total += amount;
    if (row.kind === 'sale') {
      entry.salesCount += row.count;
      entry.salesTotal += amount;
    } else {
      entry.repairsCount += row.count;
      entry.repairsTotal += amount;
    }
    byMethod.set(row.method, entry);
  }
  const breakdown = [...byMethod.values()].sort((a, b) =>
    a.total === b.total ? compareText(a.method, b.method) : a.total > b.total ? -1 : 1,
  );
  const totals = breakdown.reduce<Totals>(
    (sum, entry) => ({
      revenue: sum.revenue + entry.total,
      salesRevenue: sum.salesRevenue + entry.salesTotal,
      repairRevenue: sum.repairRevenue + entry.repairsTotal,
      transactions: sum.transactions + entry.count,
      salesTransactions: sum.salesTransactions + entry.salesCount,
      repairTransactions: sum.repairTransactions + entry.repairsCount,
    }),
    emptyTotals(),
  );
  return { totals, breakdown };
}

export function compareTotals(current: Totals, previous: Totals): Comparison {
  return {
    revenueDelta: current.revenue - previous.revenue,
    revenuePercent: percentChange(current.revenue, previous.revenue),
    transactionsDelta: current.transactions - previous.transactions,
    transactionsPercent: percentChange(BigInt(current.transactions), BigInt(previous.transactions)),
  };
}

/** The aggregate half of a report: two small GROUP BY queries, whatever the number of rows. */
export async function computeReportSummary(sql: Querier, period: ReportPeriod): Promise<ReportSummary> {
  const before = previousPeriod(period);
  const current = summarise(await methodTotals(sql, period));
  const previous = summarise(await methodTotals(sql, before));
  return {
    period,
    totals: current.totals,
    breakdown: current.breakdown,
    previous: { period: before, totals: previous.totals },
    comparison: compareTotals(current.totals, previous.totals),
  };
}

export type TotalsJson = {
  revenue: string;
  salesRevenue: string;
  repairRevenue: string;
  transactions: number;
  salesTransactions: number;
  repairTransactions: number;
};

export function totalsToJson(totals: Totals): TotalsJson {
  return {
    revenue: formatDecimal(totals.revenue),
    salesRevenue: formatDecimal(totals.salesRevenue),
    repairRevenue: formatDecimal(totals.repairRevenue),
    transactions: totals.transactions,
    salesTransactions: totals.salesTransactions,
    repairTransactions: totals.repairTransactions,
  };
}

function emptyTotals(): Totals {
  return {
    revenue: 0n,
    salesRevenue: 0n,
    repairRevenue: 0n,
    transactions: 0,
    salesTransactions: 0,
    repairTransactions: 0,
  };
}

function emptyMethod(method: string): MethodBreakdown {
  return {
    method,
    count: 0,
    total: 0n,
    salesCount: 0,
    salesTotal: 0n,
    repairsCount: 0,
    repairsTotal: 0n,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
