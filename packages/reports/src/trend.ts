import { type Cents, parseCents } from './money.js';
import { addDays, type ReportPeriod, startOfLocalDay } from './period.js';
import { countedRepairRule, countedSaleRule, type Querier } from './queries.js';

/** One local day of the trend: what sales and repairs brought in. */
export type TrendDay = { day: string; sales: Cents; repairs: Cents };

/**
 * Revenue per local day: every day of a longer period, or for a one-day period the same weekday over the
 * four weeks before it and the day itself (`weekday`), oldest first.
 */
export type RevenueTrend = { kind: 'days' | 'weekday'; days: TrendDay[] };

/** Past this many days a per-day chart stops being readable in an email: no trend. */
export const MAX_TREND_DAYS = 62;
const WEEKS_BACK = 4;

type DayRange = { day: string; start: Date; end: Date };

/** The days the trend shows, each clipped to the period where it overlaps it; null when too many. */
export function trendDays(period: ReportPeriod): { kind: RevenueTrend['kind']; ranges: DayRange[] } | null {
  const whole = (day: string): DayRange => ({
    day,
    start: startOfLocalDay(day, period.timezone),
    end: startOfLocalDay(addDays(day, 1), period.timezone),
  });
  const clip = ({ day, start, end }: DayRange): DayRange => ({
    day,
    start: start < period.start ? period.start : start,
    end: end > period.end ? period.end : end,
  });
  if (period.days === 1) {
    const weeks = Array.from({ length: WEEKS_BACK }, (_, index) =>
      whole(addDays(period.firstDay, -7 * (WEEKS_BACK - index))),
    );
    return { kind: 'weekday', ranges: [...weeks, clip(whole(period.firstDay))] };
  }
  if (period.days > MAX_TREND_DAYS) return null;
  const ranges = Array.from({ length: period.days }, (_, index) => clip(whole(addDays(period.firstDay, index))));
  return { kind: 'days', ranges };
}

/** The period's trend, by the same rules as every other figure (run it in the report's snapshot). */
export async function revenueTrend(sql: Querier, period: ReportPeriod): Promise<RevenueTrend | null> {
  const shape = trendDays(period);
  if (!shape) return null;
  const { ranges } = shape;
  const rows = await sql<{ day: string; sales: string; repairs: string }[]>`
    select r.day,
      (select coalesce(sum(sp.amount), 0)::text from sale_payment sp join sale s on s.id = sp.sale_id
        where sp.paid_at >= r.start_at and sp.paid_at < r.end_at and ${countedSaleRule(sql)}) as sales,
      (select coalesce(sum(rp.amount), 0)::text from repair_payment rp join device d on d.id = rp.device_id
        where rp.paid_at >= r.start_at and rp.paid_at < r.end_at and ${countedRepairRule(sql)}) as repairs
    from unnest(${sql.array(ranges.map((range) => range.day))}::text[],
      ${sql.array(ranges.map((range) => range.start.toISOString()))}::timestamptz[],
      ${sql.array(ranges.map((range) => range.end.toISOString()))}::timestamptz[]) with ordinality as r(day, start_at, end_at, position)
    order by r.position`;
  return {
    kind: shape.kind,
    days: rows.map((row) => ({ day: row.day, sales: parseCents(row.sales), repairs: parseCents(row.repairs) })),
  };
}
