export { loadSchedulerConfig, type SchedulerConfig, schedulerConfigShape } from './config.js';
export { type RunningScheduler, startScheduler } from './start.js';
