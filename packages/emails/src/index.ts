export {
  attachmentOmittedNote,
  DEFAULT_ATTACHMENT_LIMIT_BYTES,
  EMPTY_PERIOD_NOTE,
  encodedAttachmentSize,
  formatGeneratedAt,
} from './attachment.js';
export { type RenderedEmail, renderReportEmail } from './render.js';
export {
  buildReportEmailData,
  type EmailDataInput,
  type ReportEmailData,
  type ReportFrequency,
  reportEmailData,
  reportSubject,
} from './report-email-data.js';
