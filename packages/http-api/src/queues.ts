import { QUEUES } from '@reportmail/queue';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export type ApiQueues = { reports: Queue; mail: Queue };

/** The queues the API adds to (manual, test and resend runs) and shows in Bull Board. */
export function createApiQueues(connection: Redis, prefix: string): ApiQueues {
  return {
    reports: new Queue(QUEUES.reports, { connection, prefix }),
    mail: new Queue(QUEUES.mail, { connection, prefix }),
  };
}

export async function closeApiQueues(queues: ApiQueues): Promise<void> {
  await Promise.all([queues.reports.close(), queues.mail.close()]);
}
