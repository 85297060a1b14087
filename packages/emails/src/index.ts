export {
  attachmentOmittedNote,
  DEFAULT_ATTACHMENT_LIMIT_BYTES,
  EMPTY_PERIOD_NOTE,
  encodedAttachmentSize,
  formatGeneratedAt,
} from './attachment.js';
export { type PdfPageSize, type ReportPdfOptions, renderReportPdf } from './pdf.js';
export { type RenderedEmail, renderReportEmail } from './render.js';
export {
  type EmailContent,
  type EmailContentInput,
  emailContentFor,
  LARGEST_PAYMENTS_IN_EMAIL,
  WORKBOOK_FREQUENCY_LABELS,
} from './report-email-content.js';
export {
  buildReportEmailData,
  type EmailDataInput,
  type ReportEmailData,
  type ReportFrequency,
  reportEmailData,
  reportSubject,
} from './report-email-data.js';
