export { type ComposedMessage, composeMessage, messageIdFor, type OutgoingMessage } from './compose.js';
export { SendFailure, type SentMessage, sendComposed } from './send.js';
export { loadSmtpSettings, SMTP_PASSWORD_CONTEXT, type SmtpSettings } from './settings.js';
export { classifySmtpError, type SmtpFailure } from './smtp-errors.js';
export {
  createSmtpTransport,
  DEFAULT_SMTP_TIMEOUTS,
  type SmtpTimeouts,
  type SmtpTransport,
} from './transport.js';
