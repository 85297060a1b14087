import type { ReportEmailData } from './report-email-data.js';

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * The report email as HTML and plain text. React and React Email (about 30 MB resident) load on the first
 * render rather than when a service starts: an idle API or an all-in-one process never pays for them.
 */
export async function renderReportEmail(data: ReportEmailData): Promise<RenderedEmail> {
  const { renderReportEmailNow } = await import('./render-html.js');
  return renderReportEmailNow(data);
}
