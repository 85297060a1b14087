import { render } from '@react-email/render';
import type { RenderedEmail } from './render.js';
import type { ReportEmailData } from './report-email-data.js';
import { reportEmailText } from './report-email-text.js';
import { SalesReportEmail } from './templates/sales-report.js';

/**
 * The report email as HTML and plain text (through render.ts, which loads this module on first use). The
 * text part is laid out from the data: converting the HTML (html-to-text) cost more CPU than rendering it.
 */
export async function renderReportEmailNow(data: ReportEmailData): Promise<RenderedEmail> {
  const html = await render(<SalesReportEmail data={data} />);
  return { subject: data.subject, html, text: reportEmailText(data) };
}
