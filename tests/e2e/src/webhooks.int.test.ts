import { delivery } from '@reportmail/db';
import { createRedisConnection, enqueue, JOBS, QUEUES } from '@reportmail/queue';
import {
  createShopFactory,
  createWebhookReceiver,
  type ServiceProcess,
  type WebhookReceiver,
} from '@reportmail/testing';
import { Queue } from 'bullmq';
import { asc, eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWebhooks, createPipeline, createSchedule, logged, type Pipeline } from './harness.js';

const SIGNING_SECRET = 'whsec-e2e-9c1f5a7b3d2e8f60';
const PERIOD_START = new Date('2026-03-01T16:00:00Z');
const at = (hours: number) => new Date(PERIOD_START.getTime() + hours * 3_600_000).toISOString();

/**
 * A daily report with an email, a Slack webhook and a signed generic webhook, through the real report and
 * mail workers: triggered twice for one period, with the generic receiver failing once.
 */
describe('a report to email, Slack and a webhook, end to end', () => {
  let pipeline: Pipeline;
  let connection: Redis;
  let reports: Queue;
  let slack: WebhookReceiver;
  let hook: WebhookReceiver;
  let mailWorker: ServiceProcess;
  let scheduleId: string;

  beforeAll(async () => {
    [pipeline, slack, hook] = await Promise.all([
      createPipeline(),
      createWebhookReceiver(),
      createWebhookReceiver({ signingSecret: SIGNING_SECRET }),
    ]);
    const shop = createShopFactory(pipeline.database.sql);
    await shop.createSale({
      invoiceNo: 'INV-HOOK-1',
      payments: [
        { amount: '1234.50', paidAt: at(2), method: 'Cash' },
        { amount: '765.25', paidAt: at(3), method: 'GCash' },
      ],
    });
    scheduleId = await createSchedule(pipeline.database, { sendTime: '09:00' });
    await addWebhooks(pipeline, scheduleId, [
      { kind: 'slack', label: '#owners', url: `${slack.url}/services/T0/B0/x` },
      { kind: 'webhook', label: 'Books', url: `${hook.url}/in`, signingSecret: SIGNING_SECRET },
    ]);
    connection = createRedisConnection(pipeline.redis.url, 'producer');
    reports = new Queue(QUEUES.reports, { connection, prefix: pipeline.redis.prefix });
    const env = {
      ALLOW_PRIVATE_WEBHOOKS: 'true',
      WEBHOOK_RETRY_DELAY_MS: '200',
      PUBLIC_URL: 'https://reports.shop.example',
    };
    pipeline.start('report-worker');
    mailWorker = pipeline.start('mail-worker', env);
  });
  afterAll(async () => {
    await reports.close();
    await connection.quit();
    await Promise.all([slack.close(), hook.close()]);
    await pipeline.close();
  });

  it('sends one email, one Slack message and one webhook document, each its own row', async () => {
    hook.script([{ status: 503, body: 'warming up' }]);
    const payload = { scheduleId, scheduledAt: '2026-03-03T01:00:00.000Z' };
    await enqueue(reports, JOBS.generateReport, { ...payload, trigger: 'scheduled' }, { jobId: 'hooks-a' });
    await enqueue(reports, JOBS.generateReport, { ...payload, trigger: 'catch_up' }, { jobId: 'hooks-b' });
    const [mail] = await pipeline.sink.waitForMessages(1);
    const [slackRequest] = await slack.waitForRequests(1);
    const hookRequests = await hook.waitForRequests(2);
    await mailWorker.waitForLog(logged('report posted to webhook', { channel: 'webhook' }), 'the webhook post');
    await mailWorker.waitForLog(logged('report posted to webhook', { channel: 'slack' }), 'the Slack post');
    await mailWorker.waitForLog(logged('report email sent'), 'the email');

    const rows = await pipeline.database.db
      .select()
      .from(delivery)
      .where(eq(delivery.scheduleId, scheduleId))
      .orderBy(asc(delivery.channel));
    expect(rows.map((row) => [row.channel, row.status, row.attempts, row.webhookLabel, row.totalRevenue])).toEqual([
      ['email', 'sent', 1, null, '1999.75'],
      ['slack', 'sent', 1, '#owners', '1999.75'],
      ['webhook', 'sent', 2, 'Books', '1999.75'],
    ]);
    const email = rows[0];
    const webhookRow = rows[2];
    expect(mail?.parsed.text).toContain('₱1,999.75');
    expect(JSON.parse(slackRequest?.body ?? '{}').text).toBe(
      'Daily Sales Report - Mar 2, 2026: Total revenue ₱1,999.75',
    );
    expect(hookRequests.map((request) => [request.signatureValid, request.headers['x-reportmail-delivery']])).toEqual([
      [true, webhookRow?.id],
      [true, webhookRow?.id],
    ]);
    const document = JSON.parse(hookRequests[1]?.body ?? '{}');
    expect([document.reportDeliveryId, document.report.totals.revenue, document.report.breakdown]).toEqual([
      email?.id,
      '1999.75',
      [
        { method: 'Cash', count: 1, total: '1234.50', salesTotal: '1234.50', repairsTotal: '0.00' },
        { method: 'GCash', count: 1, total: '765.25', salesTotal: '765.25', repairsTotal: '0.00' },
      ],
    ]);
    expect(document.workbook.url).toMatch(
      `https://reports.shop.example/v1/deliveries/${email?.id}/attachment?expires=`,
    );
    expect([slack.received.length, hook.received.length, pipeline.sink.received.length]).toEqual([1, 2, 1]);
  });
});
