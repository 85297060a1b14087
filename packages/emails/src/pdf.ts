import type { ReportPdfOptions } from './pdf/report-pdf.js';
import type { ReportEmailData } from './report-email-data.js';

export type { PdfPageSize, ReportPdfOptions } from './pdf/report-pdf.js';

/** The report as a PDF. React PDF and its fonts load on the first one: processes that never make one never pay. */
export async function renderReportPdf(data: ReportEmailData, options: ReportPdfOptions): Promise<Buffer> {
  const pdf = await import('./pdf/report-pdf.js');
  return pdf.renderReportPdf(data, options);
}
