// Redis stops and comes back: every service resumes by itself (no restart) and the next delivery goes out.
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import {
  canRunOwnRedisServer,
  type OwnRedisServer,
  type ServiceProcess,
  startOwnRedisServer,
} from '@reportmail/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, type Pipeline, queueDaySend } from './harness.js';

/** How long Redis stays down: the fault itself, not a wait for something to happen. */
const OUTAGE_MS = 5_000;
const outage = () => new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));

// Needs the server's own binaries (Debian's packages, which .ci/run installs); elsewhere it is skipped.
describe.skipIf(!canRunOwnRedisServer())('Redis stopped for 5 s and started again (AOF on)', () => {
  let server: OwnRedisServer;
  let pipeline: Pipeline;
  let connection: Redis;
  let reports: Queue;
  let services: ServiceProcess[];
  let scheduleId: string;

  const sendNow = (day: string) => queueDaySend({ db: pipeline.database.db, reports }, scheduleId, day);

  beforeAll(async () => {
    server = await startOwnRedisServer({ appendOnly: true });
    pipeline = await createPipeline({ redisUrl: server.url });
    // Refused connections are the point of this test: the test's own clients retry quietly.
    connection = createRedisConnection(server.url, 'worker', { onError: () => undefined });
    reports = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
    reports.on('error', () => undefined);
    scheduleId = await createSchedule(pipeline.database, { enabled: false, name: 'Through an outage' });
    const env = { REDIS_URL: server.url };
    services = (['scheduler', 'report-worker', 'mail-worker'] as const).map((name) => pipeline.start(name, env));
  });
  afterAll(async () => {
    await server.start();
    await reports.close();
    connection.disconnect();
    await pipeline.close();
    await server.remove();
  });

  it('delivers before and after the outage with the same processes', async () => {
    await sendNow('2026-03-01');
    await pipeline.sink.waitForMessages(1);

    await server.stop();
    await outage();
    const back = Date.now();
    await server.start();

    await sendNow('2026-03-02');
    const received = await pipeline.sink.waitForMessages(2);
    process.stdout.write(`sent ${received[1] ? received[1].receivedAt - back : '?'} ms after Redis came back\n`);
    expect(received.map((mail) => mail.parsed.subject)).toEqual([
      'Daily Sales Report - Mar 1, 2026',
      'Daily Sales Report - Mar 2, 2026',
    ]);
    expect(services.map((service) => [service.name, service.child.exitCode])).toEqual([
      ['scheduler', null],
      ['report-worker', null],
      ['mail-worker', null],
    ]);
  });
});
