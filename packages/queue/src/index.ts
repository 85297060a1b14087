export { assertRedisReachable, createRedisConnection, type RedisRole } from './connection.js';
export {
  type DeliverWebhookPayload,
  deliverWebhookJobId,
  deliverWebhookPayload,
  deliveryTrigger,
  type GenerateReportPayload,
  generateReportPayload,
  JOB_CATALOG,
  JOBS,
  type JobName,
  type JobPayload,
  QUEUES,
  type SendEmailPayload,
  scheduledJobData,
  sendEmailJobId,
  sendEmailPayload,
} from './contract.js';
export { JOB_OPTIONS } from './options.js';
export { enqueue, readGenerateReport, readPayload } from './payloads.js';
export { decodeTiming, encodeTiming, scheduleRepeatStrategy } from './repeat.js';
export {
  publishScheduleChange,
  type ScheduleChange,
  scheduleChangesChannel,
  subscribeScheduleChanges,
} from './schedule-changes.js';
