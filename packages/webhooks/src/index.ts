export { type PostAnswer, PostFailure, type PostFailureKind, type PostOptions, postWebhook } from './post.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  type SignatureCheck,
  signedHeaders,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
  WEBHOOK_USER_AGENT,
} from './signature.js';
export { type SlackBlock, type SlackMessage, slackEscape, slackMessage, type WorkbookLink } from './slack-message.js';
export { type WebhookDocument, type WorkbookReference, webhookDocument } from './webhook-document.js';
export { openWebhookSecrets, sealWebhookSecrets } from './webhook-secrets.js';
