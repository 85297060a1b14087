export { createTestDatabase, type TestDatabase } from './database.js';
export {
  createShopFactory,
  type DeviceInput,
  type ItemInput,
  type PaymentInput,
  type SaleInput,
  type ShopFactory,
} from './factories.js';
export { FORMULA_NAME, seedManilaScenario } from './manila-scenario.js';
export { recreateMigratedDatabase } from './named-database.js';
export { pdfText } from './pdf-text.js';
export { sparePort } from './ports.js';
export { canRunOwnPostgresServer, type OwnPostgresServer, startOwnPostgresServer } from './postgres-server.js';
export { createTestRedis, type TestRedis } from './redis.js';
export { canRunOwnRedisServer, type OwnRedisServer, startOwnRedisServer } from './redis-server.js';
export {
  type AcceptedMessage,
  createScriptedSmtpServer,
  type ScriptedSession,
  type ScriptedSmtpServer,
  type ScriptedSmtpServerOptions,
  SMTP_STAGES,
  type SmtpStage,
  type StageScript,
} from './scripted-smtp-server.js';
export { type LogLine, type ServiceProcess, startServiceProcess } from './service-process.js';
export {
  createSmtpSink,
  type ReceivedMail,
  type SinkReply,
  type SmtpSink,
  type SmtpSinkOptions,
} from './smtp-sink.js';
export { databaseUrlWithName } from './urls.js';
export {
  createWebhookReceiver,
  type ReceivedRequest,
  type ReceiverReply,
  type WebhookReceiver,
} from './webhook-receiver.js';
