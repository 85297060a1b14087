// PostgreSQL stops for 10 s and comes back: the API answers 503 with Retry-After meanwhile (never 500) and
// /ready names PostgreSQL; every service resumes by itself and the next delivery goes out.
import { createRedisConnection, QUEUES } from '@reportmail/queue';
import {
  canRunOwnPostgresServer,
  type OwnPostgresServer,
  type ServiceProcess,
  sparePort,
  startOwnPostgresServer,
} from '@reportmail/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, type Pipeline, queueDaySend } from './harness.js';

/** How long PostgreSQL stays down: the fault itself, not a wait for something to happen. */
const OUTAGE_MS = 10_000;
const ADMIN = { email: 'owner@shop.example', password: 'postgres-restart-password' };

// Needs the server's own binaries (Debian's packages, which .ci/run installs); elsewhere it is skipped.
describe.skipIf(!canRunOwnPostgresServer())('PostgreSQL stopped for 10 s and started again', () => {
  let postgres: OwnPostgresServer;
  let pipeline: Pipeline;
  let connection: Redis;
  let reports: Queue;
  let services: ServiceProcess[];
  let scheduleId: string;
  let token: string;
  let apiPort: number;
  const api = (path: string) =>
    fetch(`http://127.0.0.1:${apiPort}${path}`, { headers: { authorization: `Bearer ${token}` } });

  const sendNow = (day: string) => queueDaySend({ db: pipeline.database.db, reports }, scheduleId, day);

  beforeAll(async () => {
    [postgres, apiPort] = await Promise.all([startOwnPostgresServer(), sparePort()]);
    pipeline = await createPipeline({ databaseName: 'reportmail_faults', postgresAdminUrl: postgres.adminUrl });
    connection = createRedisConnection(pipeline.redis.url, 'worker');
    reports = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
    scheduleId = await createSchedule(pipeline.database, { enabled: false, name: 'Through an outage' });
    const apiEnv = {
      PORT: String(apiPort),
      JWT_SECRET: 'postgres-restart-secret-long-enough-0123456',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      COOKIE_SECURE: 'false',
    };
    const apiProcess = pipeline.start('api', apiEnv);
    services = [
      apiProcess,
      ...(['scheduler', 'report-worker', 'mail-worker'] as const).map((name) => pipeline.start(name)),
    ];
    await apiProcess.waitForLog((line) => line.msg === 'api started', 'the API listening');
    const login = await fetch(`http://127.0.0.1:${apiPort}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    token = ((await login.json()) as { token: string }).token;
  }, 120_000);
  afterAll(async () => {
    await postgres.start().catch(() => undefined);
    await reports.close();
    connection.disconnect();
    await pipeline.close();
    await postgres.remove();
  });

  it('answers 503 with Retry-After while it is down, then every service carries on', async () => {
    await sendNow('2026-03-01');
    await pipeline.sink.waitForMessages(1);

    await postgres.stop();
    const down = Date.now();
    const me = await api('/v1/me');
    expect([me.status, me.headers.get('retry-after'), await me.json()]).toEqual([
      503,
      '5',
      { error: 'UNAVAILABLE', message: 'PostgreSQL is not answering', details: [] },
    ]);
    const ready = await api('/ready');
    expect([ready.status, ((await ready.json()) as { checks: { postgres: string } }).checks.postgres]).toEqual([
      503,
      'not answering',
    ]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - down))));
    await postgres.start();
    const back = Date.now();

    expect((await api('/v1/me')).status).toBe(200);
    await sendNow('2026-03-02');
    const received = await pipeline.sink.waitForMessages(2);
    process.stdout.write(`sent ${received[1] ? received[1].receivedAt - back : '?'} ms after PostgreSQL came back\n`);
    expect(received.map((mail) => mail.parsed.subject)).toEqual([
      'Daily Sales Report - Mar 1, 2026',
      'Daily Sales Report - Mar 2, 2026',
    ]);
    expect(services.map((service) => [service.name, service.child.exitCode])).toEqual([
      ['api', null],
      ['scheduler', null],
      ['report-worker', null],
      ['mail-worker', null],
    ]);
  });
});
