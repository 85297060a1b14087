export { type RenderedEmail, renderReportEmail } from './render.js';
export {
  buildReportEmailData,
  type EmailDataInput,
  type ReportEmailData,
  type ReportFrequency,
  reportSubject,
} from './report-email-data.js';
