import { type Job, type JobsOptions, type Queue, UnrecoverableError } from 'bullmq';
import {
  type GenerateReportPayload,
  JOB_CATALOG,
  JOBS,
  type JobName,
  type JobPayload,
  scheduledJobData,
} from './contract.js';
import { JOB_OPTIONS } from './options.js';

/** Validates a payload before it enters Redis, then adds it with the job's options. */
export async function enqueue<Name extends JobName>(
  queue: Queue,
  name: Name,
  payload: JobPayload<Name>,
  options: Pick<JobsOptions, 'jobId' | 'delay' | 'attempts' | 'backoff'> = {},
): Promise<Job> {
  const data = JOB_CATALOG[name].schema.parse(payload);
  return queue.add(name, data, { ...JOB_OPTIONS[name], ...options });
}

/** Validates a payload as it leaves Redis: a bad payload will never succeed, so it is not retried. */
export function readPayload<Name extends JobName>(
  name: Name,
  job: Pick<Job, 'name' | 'data' | 'id'>,
): JobPayload<Name> {
  if (job.name !== name) throw new UnrecoverableError(`Job ${job.id} is "${job.name}", expected "${name}"`);
  const result = JOB_CATALOG[name].schema.safeParse(job.data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);
    throw new UnrecoverableError(`Invalid ${name} payload for job ${job.id}: ${problems.join('; ')}`);
  }
  return result.data as JobPayload<Name>;
}

type SchedulerJob = Pick<Job, 'name' | 'data' | 'id' | 'repeatJobKey' | 'opts'>;

/**
 * The `generate-report` payload of any job. A job scheduler's jobs carry only the schedule id; their
 * scheduled instant is the slot BullMQ computed with our repeat strategy (`opts.prevMillis`).
 */
export function readGenerateReport(job: SchedulerJob): GenerateReportPayload {
  if (!job.repeatJobKey) return readPayload(JOBS.generateReport, job);
  const template = scheduledJobData.safeParse(job.data);
  const slot = (job.opts as { prevMillis?: unknown }).prevMillis;
  if (!template.success || typeof slot !== 'number') {
    throw new UnrecoverableError(`Scheduler job ${job.id} has no schedule id or slot`);
  }
  const scheduledAt = new Date(slot).toISOString();
  return readPayload(JOBS.generateReport, { ...job, data: { ...template.data, scheduledAt } });
}
