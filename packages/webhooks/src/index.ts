export { type PostAnswer, PostFailure, type PostFailureKind, type PostOptions, postWebhook } from './post.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  type SignatureCheck,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
} from './signature.js';
export { type SlackBlock, type SlackMessage, slackEscape, slackMessage, type WorkbookLink } from './slack-message.js';
export { type WebhookDocument, type WorkbookReference, webhookDocument } from './webhook-document.js';
