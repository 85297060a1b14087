import { createHash } from 'node:crypto';
import { delivery, deliveryArtifact, smtpSettings } from '@reportmail/db';
import { SMTP_PASSWORD_CONTEXT } from '@reportmail/mailer';
import { createRedisConnection, enqueue, JOBS, QUEUES } from '@reportmail/queue';
import { createSecretBox, generateKeyEntry } from '@reportmail/secrets';
import { type ServiceProcess, seedManilaScenario, startServiceProcess } from '@reportmail/testing';
import { Queue } from 'bullmq';
import { asc, eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, freePort, logged, type Pipeline } from './harness.js';

const ADMIN = { email: 'owner@shop.example', password: 'e2e-admin-password' };
const LINK = /http:\/\/127\.0\.0\.1:\d+\/v1\/deliveries\/[0-9a-f-]{36}\/attachment\?expires=\d+&signature=[\w-]+/g;

/**
 * The admin API as a real process over the pipeline's database and Redis. The pipeline does not expose
 * its SECRETS_KEY, so this test uses its own for the API and the mail worker (the signed links must
 * verify across them) and re-encrypts the stored SMTP password with it.
 */
async function startApi(pipeline: Pipeline, secretsKey: string): Promise<{ api: ServiceProcess; baseUrl: string }> {
  const box = createSecretBox(secretsKey);
  await pipeline.database.db
    .update(smtpSettings)
    .set({ passwordCiphertext: box.encrypt('e2e-smtp-password', SMTP_PASSWORD_CONTEXT) });
  const port = await freePort();
  const api = startServiceProcess('api', {
    DATABASE_URL: pipeline.database.url,
    REDIS_URL: pipeline.redis.url,
    REDIS_PREFIX: pipeline.redis.prefix,
    SECRETS_KEY: secretsKey,
    JWT_SECRET: 'an-e2e-jwt-secret-that-is-long-enough-0123',
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
  });
  await api.waitForLog(logged('api started'), 'the API to listen');
  return { api, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * A report whose workbook is too large to attach, delivered by the real workers: its email links to the
 * workbook through a signed URL the API process serves byte for byte; then an admin resends it over HTTP.
 */
describe('the delivery log over real processes', () => {
  let pipeline: Pipeline;
  let api: ServiceProcess;
  let mailWorker: ServiceProcess;
  let baseUrl: string;
  let connection: Redis;
  let queue: Queue;
  let scheduleId: string;
  let firstId: string;

  beforeAll(async () => {
    pipeline = await createPipeline();
    const secretsKey = generateKeyEntry('e2e-links');
    ({ api, baseUrl } = await startApi(pipeline, secretsKey));
    await seedManilaScenario(pipeline.database);
    scheduleId = await createSchedule(pipeline.database, { sendTime: '09:00' });
    connection = createRedisConnection(pipeline.redis.url, 'producer');
    queue = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
    // Any real workbook is over 1 KB: it stays stored, and the email links to it.
    pipeline.start('report-worker', { ATTACHMENT_LIMIT_BYTES: '1024' });
    mailWorker = pipeline.start('mail-worker', { SECRETS_KEY: secretsKey, PUBLIC_URL: `${baseUrl}/` });
  });
  afterAll(async () => {
    // Not stop(): on SIGTERM the API shuts down but its BullMQ connection stays open, so it never exits.
    await api?.kill();
    await queue?.close();
    await connection?.quit();
    await pipeline?.close();
  });

  it('emails a link that downloads exactly the stored workbook, without a token', async () => {
    const payload = { scheduleId, scheduledAt: '2026-03-03T01:00:00.000Z', trigger: 'scheduled' as const };
    await enqueue(queue, JOBS.generateReport, payload, { jobId: 'e2e-first' });
    const [mail] = await pipeline.sink.waitForMessages(1);
    const [row] = await pipeline.database.db.select().from(delivery);
    firstId = row?.id as string;
    await mailWorker.waitForLog(logged('report email sent', { deliveryId: firstId }), 'the send to be recorded');
    expect(row).toMatchObject({ totalRevenue: '3715.00', totalTransactions: 9, attachmentOmitted: true });
    expect(mail?.parsed.subject).toBe('Daily Sales Report - Mar 2, 2026');
    expect(mail?.parsed.attachments).toEqual([]);

    const [link, ...others] = mail?.parsed.text?.match(LINK) ?? [];
    expect(others).toEqual([]);
    expect(link).toContain(`${baseUrl}/v1/deliveries/${firstId}/attachment?`);
    const download = await fetch(link as string);
    const bytes = Buffer.from(await download.arrayBuffer());
    const [artifact] = await pipeline.database.db
      .select()
      .from(deliveryArtifact)
      .where(eq(deliveryArtifact.deliveryId, firstId));
    expect([download.status, download.headers.get('content-disposition')]).toEqual([
      200,
      `attachment; filename="${artifact?.filename}"`,
    ]);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(artifact?.sha256);

    const signature = new URL(link as string).searchParams.get('signature') as string;
    const logLines = [...api.logs, ...mailWorker.logs].map((line) => JSON.stringify(line));
    expect(logLines.some((line) => line.includes('signature=[redacted]'))).toBe(true);
    expect(logLines.filter((line) => line.includes(signature))).toEqual([]);
  });

  it('resends it over HTTP: a second email of the same period, two sent rows', async () => {
    const login = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { token } = (await login.json()) as { token: string };
    const reply = await fetch(`${baseUrl}/v1/deliveries/${firstId}/resend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(202);
    const { deliveryId } = (await reply.json()) as { deliveryId: string };
    const second = (await pipeline.sink.waitForMessages(2))[1];
    await mailWorker.waitForLog(logged('report email sent', { deliveryId }), 'the resend to be recorded');

    expect(second?.parsed.subject).toBe('Daily Sales Report - Mar 2, 2026');
    expect(second?.parsed.headers.get('x-reportmail-delivery-id')).toBe(deliveryId);
    expect(second?.envelope.to).toEqual(['owner@shop.example', 'books@shop.example']);
    const rows = await pipeline.database.db.select().from(delivery).orderBy(asc(delivery.createdAt));
    expect(rows.map((row) => [row.id, row.trigger, row.status, row.periodStart, row.periodEnd])).toEqual([
      [firstId, 'scheduled', 'sent', new Date('2026-03-01T16:00:00Z'), new Date('2026-03-02T16:00:00Z')],
      [deliveryId, 'manual', 'sent', new Date('2026-03-01T16:00:00Z'), new Date('2026-03-02T16:00:00Z')],
    ]);
    expect(rows.map((row) => row.totalRevenue)).toEqual(['3715.00', '3715.00']);
  });
});
