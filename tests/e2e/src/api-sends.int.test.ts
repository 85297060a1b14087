import { delivery } from '@reportmail/db';
import { reportPeriodForRun } from '@reportmail/schedules';
import { generateKeyEntry } from '@reportmail/secrets';
import { createShopFactory, type ServiceProcess, startServiceProcess } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, freePort, logged, type Pipeline } from './harness.js';

const ZONE = 'Asia/Manila';
const HOUR = 3_600_000;
const ADMIN = { email: 'admin@shop.example', password: 'e2e-admin-password-123' };
const at = (base: Date, ms: number) => new Date(base.getTime() + ms).toISOString();

/** The parts of the API's replies this test reads. */
type Reply = {
  id: string;
  token: string;
  deliveryId: string;
  period: { start: string; end: string; label: string; timezone: string };
};

/**
 * The admin API as a real process next to the report and mail workers: an admin signs in over HTTP,
 * creates a schedule, sends it now and sends a test, and the SMTP sink receives exactly those emails.
 */
describe('sends from the admin API, end to end', () => {
  let pipeline: Pipeline;
  let api: ServiceProcess;
  let mailWorker: ServiceProcess;
  let baseUrl: string;
  let token: string;
  let scheduleId: string;
  // Yesterday in Manila: what a daily schedule's run right now reports on.
  const period = reportPeriodForRun(
    { frequency: 'daily', sendTime: '09:00', timezone: ZONE, periodMode: 'previous_days' },
    new Date(),
  );

  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as Reply };
  };
  const sentRow = async (deliveryId: string) => {
    await mailWorker.waitForLog(logged('report email sent', { deliveryId }), `delivery ${deliveryId} to be sent`);
    const [row] = await pipeline.database.db.select().from(delivery).where(eq(delivery.id, deliveryId));
    return row;
  };

  beforeAll(async () => {
    pipeline = await createPipeline();
    const shop = createShopFactory(pipeline.database.sql);
    await shop.createSale({
      invoiceNo: 'INV-API-1',
      items: [{ product: 'Phone case', qty: 2, unitPrice: '1000.00' }],
      payments: [
        { amount: '1234.50', paidAt: at(period.start, HOUR), method: 'Cash' },
        { amount: '765.25', paidAt: at(period.start, 2 * HOUR), method: 'GCash' },
      ],
    });
    await shop.createDevice({
      ticketNumber: 'JC-API-1',
      totalCost: '1500.00',
      payments: [{ amount: '1500.00', paidAt: at(period.start, 3 * HOUR), method: 'Bank Transfer' }],
    });
    // The day before: must not count.
    await shop.createSale({
      invoiceNo: 'INV-API-0',
      payments: [{ amount: '999.99', paidAt: at(period.start, -HOUR) }],
    });

    const port = await freePort();
    // The API stores no SMTP password in this test, so its SECRETS_KEY need not be the pipeline's.
    api = startServiceProcess('api', {
      DATABASE_URL: pipeline.database.url,
      REDIS_URL: pipeline.redis.url,
      REDIS_PREFIX: pipeline.redis.prefix,
      SECRETS_KEY: generateKeyEntry('e2e-api'),
      JWT_SECRET: 'an-e2e-jwt-secret-that-is-long-enough-0123',
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ALLOW_PRIVATE_SMTP: 'true',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'info',
    });
    const started = await api.waitForLog(logged('api started'), 'the API to listen');
    baseUrl = started.url as string;
    pipeline.start('report-worker');
    mailWorker = pipeline.start('mail-worker');
  });
  afterAll(async () => {
    expect(await api?.stop()).toBe(0);
    await pipeline.close();
  });

  it('signs the first admin in over HTTP and creates a schedule', async () => {
    const login = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    token = ((await login.json()) as Reply).token;
    const created = await request('POST', '/v1/schedules', {
      name: 'Daily sales',
      enabled: true,
      frequency: 'daily',
      timezone: ZONE,
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'] },
      senderName: 'Shop Owner Reports',
    });
    expect(created.status).toBe(201);
    scheduleId = created.json.id;
  });

  it('sends now: exactly one email with the period’s exact revenue and its workbook', async () => {
    const run = await request('POST', `/v1/schedules/${scheduleId}/run`, { from: period.firstDay, to: period.lastDay });
    expect([run.status, run.json.period]).toEqual([
      202,
      { start: period.start.toISOString(), end: period.end.toISOString(), label: period.label, timezone: ZONE },
    ]);
    const row = await sentRow(run.json.deliveryId);
    expect(row).toMatchObject({ trigger: 'manual', status: 'sent', totalRevenue: '3499.75', totalTransactions: 3 });
    expect(pipeline.sink.received).toHaveLength(1);
    const [mail] = pipeline.sink.received;
    expect(mail?.envelope.to.sort()).toEqual(['books@shop.example', 'owner@shop.example']);
    expect(mail?.parsed.from?.value).toEqual([{ name: 'Shop Owner Reports', address: 'reports@shop.example' }]);
    expect(mail?.parsed.subject).toBe(`Daily Sales Report - ${period.label}`);
    expect(mail?.parsed.html).toContain('₱3,499.75');
    expect(mail?.parsed.text).toMatch(/Total revenue\s+₱3,499\.75/);
    const [attachment, ...others] = mail?.parsed.attachments ?? [];
    expect([attachment?.filename, others]).toEqual([row?.attachmentFilename, []]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(attachment?.content as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Summary')?.getCell('B10').value).toBe(3499.75);
    expect(workbook.getWorksheet('Sales')?.getColumn(6).values.slice(2, 4)).toEqual([1234.5, 765.25]);
  });

  it('sends a test of the current period to that one address only, marked [TEST]', async () => {
    const test = await request('POST', `/v1/schedules/${scheduleId}/test`, { to: 'Tester@Shop.example' });
    expect([test.status, test.json.period.start, test.json.period.end]).toEqual([
      202,
      period.start.toISOString(),
      period.end.toISOString(),
    ]);
    const row = await sentRow(test.json.deliveryId);
    expect(row).toMatchObject({
      trigger: 'test',
      status: 'sent',
      recipients: { to: ['tester@shop.example'], cc: [], bcc: [] },
      totalRevenue: '3499.75',
    });
    expect(pipeline.sink.received).toHaveLength(2);
    const mail = pipeline.sink.received[1];
    expect(mail?.envelope.to).toEqual(['tester@shop.example']);
    expect(mail?.parsed.cc).toBeUndefined();
    expect(mail?.parsed.subject).toBe(`[TEST] Daily Sales Report - ${period.label}`);
    expect(mail?.parsed.html).toContain('₱3,499.75');
  });
});
