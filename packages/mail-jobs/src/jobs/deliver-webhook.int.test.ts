import { delivery, scheduleWebhook } from '@reportmail/db';
import { fanOutToWebhooks, findDelivery, transitionDelivery } from '@reportmail/ledger';
import { createLinkSigner, createSecretBox, deliveryAttachmentResource, generateKeyEntry } from '@reportmail/secrets';
import {
  createSmtpSink,
  createTestDatabase,
  createWebhookReceiver,
  type SmtpSink,
  type TestDatabase,
  type WebhookReceiver,
} from '@reportmail/testing';
import { UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWebhook,
  captureLogs,
  configureSmtp,
  createGeneratedDelivery,
  createTempOutbox,
  type TempOutbox,
  WORKBOOK_BYTES,
} from '../test-fixtures.js';
import { type DeliverWebhookDeps, deliverWebhook, SLACK_NO_ANSWER } from './deliver-webhook.js';

const SIGNING_SECRET = 'whsec-canary-5f0c2a9e7b1d4c3a';
const SECRETS_KEY = generateKeyEntry('k1');
const PUBLIC_URL = 'https://reports.shop.example';
const { logger, lines: logLines } = captureLogs();
const attempt = (number: number, of = 3) => ({ number, of });
const outcomeOf = (promise: Promise<unknown>) =>
  promise.then(
    (value) => value,
    (error: Error) => ({
      thrown: error instanceof UnrecoverableError ? 'unrecoverable' : 'retry',
      message: error.message,
    }),
  );

describe('deliverWebhook', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let sink: SmtpSink;
  let outbox: TempOutbox;
  let deps: DeliverWebhookDeps;
  const secrets = createSecretBox(SECRETS_KEY);
  const signer = createLinkSigner(SECRETS_KEY);

  beforeAll(async () => {
    [database, receiver, sink, outbox] = await Promise.all([
      createTestDatabase(),
      createWebhookReceiver({ signingSecret: SIGNING_SECRET }),
      createSmtpSink(),
      createTempOutbox(),
    ]);
    await configureSmtp(database, secrets, { port: sink.port, adminAddress: 'admin@shop.example' });
    deps = {
      database,
      logger,
      secrets,
      outboxDir: outbox.dir,
      attachmentLinks: { publicUrl: PUBLIC_URL, ttlHours: 168, signer },
      webhooks: { timeoutMs: 400, allowPrivate: true },
    };
  });
  afterAll(async () => {
    await Promise.all([receiver.close(), sink.close(), outbox.remove()]);
    await database.drop();
  });

  /** A generated report with one webhook of `kind`, fanned out: the webhook row's id. */
  async function webhookRow(kind: 'slack' | 'webhook', path = `/${kind}`) {
    const reportId = await createGeneratedDelivery(database);
    const signingSecret = kind === 'webhook' ? SIGNING_SECRET : undefined;
    await addWebhook(database, secrets, reportId, {
      kind,
      label: `Owners (${kind})`,
      url: `${receiver.url}${path}`,
      signingSecret,
    });
    const [rowId] = await fanOutToWebhooks(database.db, reportId);
    return { reportId, rowId: rowId as string };
  }
  const requestsFor = (rowId: string) =>
    receiver.received.filter((request) => request.headers['x-reportmail-delivery'] === rowId);

  it('posts the signed report document once and records the row as sent', async () => {
    const { reportId, rowId } = await webhookRow('webhook', '/hooks/reports');
    const before = receiver.received.length;
    const result = await deliverWebhook(deps, { deliveryId: rowId }, attempt(1));
    const [request] = receiver.received.slice(before);
    const document = JSON.parse(request?.body ?? '{}');
    const link = new URL(document.workbook.url);
    expect(result).toEqual({ outcome: 'sent', deliveryId: rowId, status: 'sent' });
    expect([request?.path, request?.signatureValid, request?.headers['x-reportmail-delivery']]).toEqual([
      '/hooks/reports',
      true,
      rowId,
    ]);
    expect(document).toEqual({
      type: 'report.delivered',
      deliveryId: rowId,
      reportDeliveryId: reportId,
      trigger: 'scheduled',
      schedule: { id: expect.any(String), name: null },
      period: {
        start: '2026-03-01T16:00:00.000Z',
        end: '2026-03-02T16:00:00.000Z',
        timezone: 'Asia/Manila',
        label: 'Mar 2, 2026',
      },
      subject: 'Daily Sales Report - Mar 2, 2026',
      report: expect.objectContaining({
        totals: {
          revenue: '3715.00',
          salesRevenue: '1715.00',
          repairRevenue: '2000.00',
          transactions: 3,
          salesTransactions: 2,
          repairTransactions: 1,
        },
        breakdown: [
          { method: 'Bank Transfer', count: 1, total: '2000.00', salesTotal: '0.00', repairsTotal: '2000.00' },
          { method: 'Cash', count: 2, total: '1715.00', salesTotal: '1715.00', repairsTotal: '0.00' },
        ],
      }),
      workbook: {
        filename: 'Sales_Report_2026_03_02.xlsx',
        sizeBytes: WORKBOOK_BYTES.length,
        sha256: 'not-checked-here',
        url: expect.stringMatching(`^${PUBLIC_URL}/v1/deliveries/${reportId}/attachment\\?expires=\\d+&signature=`),
        expiresAt: expect.any(String),
      },
    });
    const expires = Number(link.searchParams.get('expires'));
    const check = signer.verify(
      deliveryAttachmentResource(reportId),
      expires,
      link.searchParams.get('signature') ?? '',
    );
    expect([check, new Date(expires * 1000).toISOString()]).toEqual(['valid', document.workbook.expiresAt]);
    const row = await findDelivery(database.db, rowId);
    expect([row?.status, row?.attempts, row?.responseStatus, row?.errorMessage, row?.webhookLabel]).toEqual([
      'sent',
      1,
      200,
      null,
      'Owners (webhook)',
    ]);
  });

  it('posts a Block Kit message to Slack, unsigned, with the workbook button', async () => {
    const { rowId } = await webhookRow('slack');
    const before = receiver.received.length;
    await deliverWebhook(deps, { deliveryId: rowId }, attempt(1));
    const [request] = receiver.received.slice(before);
    const message = JSON.parse(request?.body ?? '{}');
    expect([request?.headers['x-reportmail-signature'], request?.headers['x-reportmail-delivery']]).toEqual([
      undefined,
      undefined,
    ]);
    expect(message.text).toBe('Daily Sales Report - Mar 2, 2026: Total revenue ₱3,715.00');
    expect(message.blocks.map((block: { type: string }) => block.type)).toEqual([
      'header',
      'context',
      'section',
      'divider',
      'section',
      'actions',
      'context',
      'context',
    ]);
    expect(message.blocks[5].elements[0].url).toMatch(/\/v1\/deliveries\/[0-9a-f-]{36}\/attachment\?expires=/);
    expect((await findDelivery(database.db, rowId))?.status).toBe('sent');
  });

  it('retries a 500 with the same delivery id, then records the 200', async () => {
    const { rowId } = await webhookRow('webhook');
    receiver.script([{ status: 500, body: 'upstream down' }]);
    const first = await outcomeOf(deliverWebhook(deps, { deliveryId: rowId }, attempt(1)));
    const between = await findDelivery(database.db, rowId);
    const second = await deliverWebhook(deps, { deliveryId: rowId }, attempt(2));
    const port = new URL(receiver.url).port;
    expect(first).toEqual({ thrown: 'retry', message: `127.0.0.1:${port} answered HTTP 500: upstream down` });
    expect([between?.status, between?.responseStatus, between?.dataStartedAt]).toEqual(['sending', 500, null]);
    expect(second.status).toBe('sent');
    expect(requestsFor(rowId).map((request) => request.signatureValid)).toEqual([true, true]);
    expect((await findDelivery(database.db, rowId))?.attempts).toBe(2);
  });

  it('gives up after the last attempt and tells the admin address', async () => {
    const { rowId } = await webhookRow('webhook');
    receiver.script([{ status: 503 }]);
    const mails = sink.received.length;
    const outcome = await outcomeOf(deliverWebhook(deps, { deliveryId: rowId }, attempt(3, 3)));
    const port = new URL(receiver.url).port;
    const message = `127.0.0.1:${port} answered HTTP 503 (gave up after 3 attempts)`;
    expect(outcome).toEqual({ thrown: 'unrecoverable', message });
    expect((await findDelivery(database.db, rowId))?.status).toBe('failed');
    const [notice] = await sink.waitForMessages(mails + 1).then((all) => all.slice(mails));
    expect(notice?.parsed.subject).toBe('[reportmail] Delivery failed: Daily Sales Report - Mar 2, 2026');
    expect(notice?.parsed.text).toContain('A report\'s webhook post to "Owners (webhook)" could not be delivered.');
    expect(notice?.parsed.text).toContain(`Error: ${message}`);
  });

  it.each([400, 404, 410])('never retries a %i: the row fails at the first answer', async (status) => {
    const { rowId } = await webhookRow('slack');
    receiver.script([{ status, body: 'no_service' }]);
    const outcome = await outcomeOf(deliverWebhook(deps, { deliveryId: rowId }, attempt(1, 6)));
    const row = await findDelivery(database.db, rowId);
    expect(outcome).toMatchObject({ thrown: 'unrecoverable' });
    expect([row?.status, row?.responseStatus, row?.attempts]).toEqual(['failed', status, 1]);
  });

  it('retries a generic webhook that never answers (the receiver drops repeats by delivery id)', async () => {
    const { rowId } = await webhookRow('webhook');
    receiver.script(['hang']);
    const outcome = await outcomeOf(deliverWebhook(deps, { deliveryId: rowId }, attempt(1)));
    expect(outcome).toMatchObject({ thrown: 'retry' });
    expect((await findDelivery(database.db, rowId))?.status).toBe('sending');
    await deliverWebhook(deps, { deliveryId: rowId }, attempt(2));
    expect(requestsFor(rowId)).toHaveLength(2);
  });

  it('ends a Slack post that got no answer unknown, never posting it twice', async () => {
    const { rowId } = await webhookRow('slack', '/slack-hang');
    receiver.script(['hang']);
    const outcome = await outcomeOf(deliverWebhook(deps, { deliveryId: rowId }, attempt(1)));
    const again = await deliverWebhook(deps, { deliveryId: rowId }, attempt(2));
    const row = await findDelivery(database.db, rowId);
    expect(outcome).toMatchObject({ thrown: 'unrecoverable' });
    expect([row?.status, row?.errorMessage?.startsWith(SLACK_NO_ANSWER)]).toEqual(['unknown', true]);
    expect(again.outcome).toBe('already-final');
    expect(receiver.received.filter((request) => request.path === '/slack-hang')).toHaveLength(1);
  });

  it('after a worker died mid-request: Slack ends unknown unposted, a generic webhook is posted again', async () => {
    const slack = await webhookRow('slack', '/slack-crash');
    const generic = await webhookRow('webhook', '/generic-crash');
    for (const { rowId } of [slack, generic]) {
      await transitionDelivery(database.db, rowId, ['sending'], 'sending', { dataStartedAt: new Date() });
    }
    const slackOutcome = await outcomeOf(deliverWebhook(deps, { deliveryId: slack.rowId }, attempt(2)));
    const genericOutcome = await deliverWebhook(deps, { deliveryId: generic.rowId }, attempt(2));
    expect(slackOutcome).toEqual({ thrown: 'unrecoverable', message: SLACK_NO_ANSWER });
    expect(genericOutcome.status).toBe('sent');
    expect(receiver.received.filter((request) => request.path.endsWith('-crash')).map((r) => r.path)).toEqual([
      '/generic-crash',
    ]);
  });

  it('skips a webhook switched off after the fan-out, and fails one deleted', async () => {
    const off = await webhookRow('slack', '/switched-off');
    const gone = await webhookRow('slack', '/deleted');
    const [offRow, goneRow] = await Promise.all([
      findDelivery(database.db, off.rowId),
      findDelivery(database.db, gone.rowId),
    ]);
    await database.db
      .update(scheduleWebhook)
      .set({ enabled: false })
      .where(eq(scheduleWebhook.id, offRow?.webhookId as string));
    await database.db.delete(scheduleWebhook).where(eq(scheduleWebhook.id, goneRow?.webhookId as string));
    const skipped = await deliverWebhook(deps, { deliveryId: off.rowId }, attempt(1));
    const failed = await outcomeOf(deliverWebhook(deps, { deliveryId: gone.rowId }, attempt(1)));
    expect(skipped.status).toBe('skipped');
    expect(failed).toEqual({
      thrown: 'unrecoverable',
      message: 'The webhook was deleted before the report was posted',
    });
    expect(receiver.received.filter((r) => ['/switched-off', '/deleted'].includes(r.path))).toHaveLength(0);
    const deletedRow = await findDelivery(database.db, gone.rowId);
    expect([deletedRow?.status, deletedRow?.webhookLabel]).toEqual(['failed', 'Owners (slack)']);
  });

  it('fans a report out once per enabled webhook, however often it runs', async () => {
    const reportId = await createGeneratedDelivery(database);
    for (const [index, enabled] of [true, true, false].entries()) {
      await addWebhook(database, secrets, reportId, {
        kind: 'slack',
        label: `Hook ${index}`,
        url: receiver.url,
        enabled,
      });
    }
    const first = await fanOutToWebhooks(database.db, reportId);
    const second = await fanOutToWebhooks(database.db, reportId);
    const rows = await database.db.select().from(delivery).where(eq(delivery.reportDeliveryId, reportId));
    expect([first.length, second]).toEqual([2, first]);
    expect(rows.map((row) => [row.channel, row.status, row.webhookLabel, row.totalRevenue]).sort()).toEqual([
      ['slack', 'sending', 'Hook 0', '3715.00'],
      ['slack', 'sending', 'Hook 1', '3715.00'],
    ]);
  });

  it('keeps the URL and the signing secret out of the logs', () => {
    const logged = logLines.join('');
    expect(logged).toContain('report posted to webhook');
    expect([logged.includes(SIGNING_SECRET), logged.includes('/hooks/reports')]).toEqual([false, false]);
  });
});
