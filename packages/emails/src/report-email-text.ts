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
 * right-aligned. Laid out here rather than by html-to-text, whose table layout wraps a long customer
 * name inside its cell and so spreads one payment over several lines.
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
