export {
  type DeliveredMail,
  type MailChannel,
  type MailChannelOptions,
  type MailToDeliver,
  type MailTransportKind,
  openMailChannel,
  outboxChannel,
} from './channel.js';
export { type ComposedMessage, composeMessage, messageIdFor, type OutgoingMessage } from './compose.js';
export { OUTBOX_SENDER } from './outbox.js';
export { SendFailure, type SendHooks, type SentMessage, sendComposed } from './send.js';
export { loadSmtpSettings, type MailSender, SMTP_PASSWORD_CONTEXT, type SmtpSettings } from './settings.js';
export { classifySmtpError, type SmtpFailure } from './smtp-errors.js';
export {
  createSmtpTransport,
  DEFAULT_SMTP_TIMEOUTS,
  type SmtpTimeouts,
  type SmtpTransport,
} from './transport.js';
