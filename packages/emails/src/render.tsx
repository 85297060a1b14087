import { plainTextSelectors, render, toPlainText } from '@react-email/render';
import type { ReportEmailData } from './report-email-data.js';
import { SalesReportEmail } from './templates/sales-report.js';

export type RenderedEmail = { subject: string; html: string; text: string };

/** Tables keep their rows in the text part (method, count, totals on one line). */
const TEXT_OPTIONS = {
  selectors: [...plainTextSelectors, { selector: 'table.data', format: 'dataTable', options: { maxColumnWidth: 40 } }],
  wordwrap: 100,
};

/** The report email as HTML and plain text (the text part is derived from the same HTML). */
export async function renderReportEmail(data: ReportEmailData): Promise<RenderedEmail> {
  const html = await render(<SalesReportEmail data={data} />);
  return { subject: data.subject, html, text: toPlainText(html, TEXT_OPTIONS) };
}
