import type { DefaultJobOptions } from 'bullmq';
import { JOBS, type JobName } from './contract.js';

const DAY_SECONDS = 86_400;

/** Finished jobs are kept for inspection in Bull Board, but never without bound. */
const RETENTION: Pick<DefaultJobOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 7 * DAY_SECONDS, count: 1_000 },
  removeOnFail: { age: 30 * DAY_SECONDS, count: 5_000 },
};

/** Per-job retry policy: transient failures back off exponentially with jitter. */
export const JOB_OPTIONS: Record<JobName, DefaultJobOptions> = {
  [JOBS.generateReport]: {
    ...RETENTION,
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
  },
  [JOBS.sendEmail]: {
    ...RETENTION,
    attempts: 8,
    backoff: { type: 'exponential', delay: 10_000, jitter: 0.5 },
  },
};
