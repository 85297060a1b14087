import type { ReportEmailData } from './report-email-data.js';

/**
 * Column widths in characters for the text part's two tables. Every line stays under 78 characters (the
 * width mail clients show without wrapping, RFC 5322's advice) for amounts up to `₱999,999,999.99`.
 */
export const CUSTOMER_WIDTH = 24;
export const METHOD_WIDTH = 16;
const GAP = '  ';
const ELLIPSIS = '…';

type Cell = { text: string; width: number; align: 'left' | 'right' };

/** Counted in code points so an emoji or accented name is neither split nor miscounted. */
const length = (text: string) => [...text].length;

/** One line however the shop typed it: a newline or tab inside a name would otherwise break the row. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `text` cut to `width` (the last character an ellipsis when cut) and padded to exactly `width`. */
export function fitColumn(text: string, width: number, align: Cell['align'] = 'left'): string {
  const chars = [...oneLine(text)];
  const fitted = chars.length > width ? `${chars.slice(0, width - 1).join('')}${ELLIPSIS}` : chars.join('');
  const padding = ' '.repeat(width - length(fitted));
  return align === 'left' ? fitted + padding : padding + fitted;
}

/** Width of the widest value in a column (times, counts and amounts are short and never cut). */
const widest = (values: string[]) => Math.max(...values.map((value) => length(oneLine(value))));

const line = (cells: Cell[]) =>
  cells
    .map((cell) => fitColumn(cell.text, cell.width, cell.align))
    .join(GAP)
    .trimEnd();

/**
 * The largest payments, one per line under a header: time, customer and method left-aligned, amount
 * right-aligned, one payment per line however long its customer's name.
 */
export function largestPaymentsTextLines(rows: ReportEmailData['largest']): string[] {
  const header = { when: 'Time', customer: 'Customer', method: 'Method', amount: 'Amount' };
  const all = [header, ...rows];
  const timeWidth = widest(all.map((row) => row.when));
  const amountWidth = widest(all.map((row) => row.amount));
  return all.map((row) =>
    line([
      { text: row.when, width: timeWidth, align: 'left' },
      { text: row.customer, width: CUSTOMER_WIDTH, align: 'left' },
      { text: row.method, width: METHOD_WIDTH, align: 'left' },
      { text: row.amount, width: amountWidth, align: 'right' },
    ]),
  );
}

/** The payment methods with their count, total, sales and repairs, numbers right-aligned, then TOTAL. */
export function breakdownTextLines(data: Pick<ReportEmailData, 'breakdown' | 'breakdownTotal'>): string[] {
  const header = { method: 'Method', count: 'Count', total: 'Total', sales: 'Sales', repairs: 'Repairs' };
  const all = [header, ...data.breakdown, { method: 'TOTAL', ...data.breakdownTotal }];
  const countWidth = widest(all.map((row) => row.count));
  const amountWidth = widest(all.flatMap((row) => [row.total, row.sales, row.repairs]));
  const amount = (text: string): Cell => ({ text, width: amountWidth, align: 'right' });
  return all.map((row) =>
    line([
      { text: row.method, width: METHOD_WIDTH, align: 'left' },
      { text: row.count, width: countWidth, align: 'right' },
      amount(row.total),
      amount(row.sales),
      amount(row.repairs),
    ]),
  );
}

/** Lines as long as mail clients show comfortably; a word longer than this (a URL) keeps its own line. */
const WRAP_AT = 100;

/** `text` on lines of at most WRAP_AT characters, broken between words only. */
export function wrapWords(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && length(current) + 1 + length(word) > WRAP_AT) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

const section = (heading: string, lines: string[]) => ['', '', heading.toUpperCase(), '', ...lines];

/**
 * The text part, laid out from the same data as the HTML (not converted from it): title, period, notes,
 * the KPI cards, both tables and the footer, in the HTML's order.
 */
export function reportEmailText(data: ReportEmailData): string {
  const kpis = data.kpis.flatMap((kpi) => ['', kpi.label, '', kpi.value, '', kpi.detail]);
  const methods = data.breakdown.length === 0 ? [NO_PAYMENTS] : breakdownTextLines(data);
  const largest = data.largest.length === 0 ? [NO_LARGEST] : largestPaymentsTextLines(data.largest);
  return [
    data.title.toUpperCase(),
    '',
    `${data.periodLabel} · times in ${data.timezone}`,
    ...data.notes.flatMap((note) => ['', ...wrapWords(note)]),
    ...kpis,
    ...(data.trend && data.trend.days.length > 0 ? section(data.trend.title, trendTextLines(data.trend)) : []),
    ...section('Payment methods', methods),
    ...section('Largest payments', largest),
    ...(data.changes.length === 0 ? [] : section(CHANGES_HEADING, changesTextLines(data.changes))),
    '',
    '-'.repeat(WRAP_AT),
    '',
    ...wrapWords(reportFooter(data)),
  ].join('\n');
}

/** What the email counts, and when it was made (the HTML's footer too). */
export function reportFooter(data: Pick<ReportEmailData, 'generatedAt' | 'timezone'>): string {
  return (
    'Only payments actually received in the period are counted: no sale totals, no unpaid or credited sales, no ' +
    `void or draft sales, no waived repairs. Generated ${data.generatedAt} (${data.timezone}).`
  );
}

export const NO_PAYMENTS = 'No payments were received in this period.';
export const NO_LARGEST = 'None.';

export const CHANGES_HEADING = 'Changes to earlier reports';

type Change = ReportEmailData['changes'][number];

/** `Mar 1, 2026 (sent Mar 2, 2026, 08:00): ₱3,715.00 then, ₱4,215.00 now, +₱500.00` */
export const changeTitle = (change: Change) =>
  `${change.period} (sent ${change.sent}): ${change.sentTotal} then, ${change.totalNow} now, ${change.difference}`;

/** Who paid, how and when; a deleted payment has none of these left. */
export const paymentContext = (payment: Change['payments'][number]) =>
  [payment.customer, payment.method, payment.when].filter(Boolean).join(' · ');

/** Each changed report's line, then its payments: the change right-aligned, what and why, then context. */
function changesTextLines(changes: Change[]): string[] {
  return changes.flatMap((change, index) => {
    const width = widest(change.payments.map((payment) => payment.change));
    const payments = change.payments.map((payment) => {
      const context = paymentContext(payment);
      const what = `${fitColumn(payment.change, width, 'right')}  ${payment.payment}: ${payment.reason}`;
      return context ? `${what} (${context})` : what;
    });
    return [...(index > 0 ? [''] : []), changeTitle(change), ...payments];
  });
}

type Trend = NonNullable<ReportEmailData['trend']>;

/** A line per day: the day, its total, then its sales and repairs (the chart's figures, without the bars). */
function trendTextLines(trend: Trend): string[] {
  const labelWidth = widest(trend.days.map((day) => day.label));
  const totalWidth = widest(trend.days.map((day) => day.total));
  return trend.days.map((day) =>
    [
      fitColumn(day.label, labelWidth),
      fitColumn(day.total, totalWidth, 'right'),
      `sales ${day.sales} · repairs ${day.repairs}${day.current ? '  (this report)' : ''}`,
    ].join(GAP),
  );
}
