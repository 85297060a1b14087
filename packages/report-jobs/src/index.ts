export { loadReportWorkerConfig, type ReportWorkerConfig, reportWorkerConfigShape } from './config.js';
export { type RunningReportWorker, startReportWorker } from './start.js';
