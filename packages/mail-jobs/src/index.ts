export { loadMailWorkerConfig, type MailWorkerConfig, mailWorkerConfigShape } from './config.js';
export { type RunningMailWorker, startMailWorker } from './start.js';
