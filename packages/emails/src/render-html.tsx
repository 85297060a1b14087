import { render, toPlainText } from '@react-email/render';
import type { RenderedEmail } from './render.js';
import type { ReportEmailData } from './report-email-data.js';
import { breakdownTextLines, largestPaymentsTextLines } from './report-email-text.js';
import { BREAKDOWN_TABLE_CLASS, LARGEST_TABLE_CLASS, SalesReportEmail } from './templates/sales-report.js';

/** Puts prepared lines in place of a table: html-to-text never wraps such a literal. */
const textBlock = (className: string, lines: string[]) => ({
  selector: `table.${className}`,
  format: 'blockString',
  options: { string: lines.join('\n'), leadingLineBreaks: 1 },
});

/**
 * The text part follows the HTML, but its two tables are laid out from the data (aligned columns, one
 * row per line): html-to-text's table layout wraps long cells onto extra lines, and the HTML methods
 * table stacks sales and repairs under the method to fit a phone. toPlainText adds React Email's own
 * selectors (images, links) in front of these.
 */
function textOptions(data: ReportEmailData) {
  return {
    selectors: [
      textBlock(BREAKDOWN_TABLE_CLASS, breakdownTextLines(data)),
      textBlock(LARGEST_TABLE_CLASS, largestPaymentsTextLines(data.largest)),
    ],
    wordwrap: 100,
  };
}

/** The report email as HTML and plain text (through render.ts, which loads this module on first use). */
export async function renderReportEmailNow(data: ReportEmailData): Promise<RenderedEmail> {
  const html = await render(<SalesReportEmail data={data} />);
  return { subject: data.subject, html, text: toPlainText(html, textOptions(data)) };
}
