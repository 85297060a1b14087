import { auditLog, delivery } from '@reportmail/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDelivery, insertSchedule, MARCH_2, MARCH_2_EMAIL } from '../deliveries/test-rows.js';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

/** How the errors plugin names a query parameter (after Fastify's validation context). */
const queryField = (name: string) => `querystring.${name}`;
const day = (n: number) => new Date(`2026-03-0${n}T01:00:00.000Z`);
const OUTBOX_PATH = '/srv/reportmail/var/outbox/2026-03-03T01-00-05Z_weekly.eml';

describe('the delivery log', () => {
  let fixture: ApiFixture;
  let daily: string;
  let weekly: string;
  /** Row ids by name, and the whole log newest first (created_at, then id). */
  const ids: Record<string, string> = {};
  let newestFirst: string[];
  const list = async (query: string, caller: 'admin' | 'viewer' = 'viewer') =>
    (await fixture.call(caller, 'GET', `/v1/deliveries${query}`)).json();
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '1000' });
    const { db } = fixture.database;
    [daily, weekly] = [await insertSchedule(db, 'Daily owner report'), await insertSchedule(db, 'Weekly')];
    ids.sent = await insertDelivery(db, {
      scheduleId: daily,
      createdAt: day(1),
      subject: 'Daily Sales Report - Mar 2, 2026',
      totalRevenue: '3499.75',
      totalTransactions: 3,
      attempts: 1,
      sentAt: new Date('2026-03-01T01:00:02.500Z'),
      transport: 'smtp',
    });
    ids.failed = await insertDelivery(db, {
      scheduleId: daily,
      trigger: 'manual',
      status: 'failed',
      createdAt: day(2),
    });
    ids.weekly = await insertDelivery(db, {
      scheduleId: weekly,
      createdAt: day(3),
      transport: 'outbox',
      outboxPath: OUTBOX_PATH,
    });
    ids.test = await insertDelivery(db, {
      scheduleId: weekly,
      trigger: 'test',
      createdAt: day(4),
      recipients: { to: ['tester@shop.example'], cc: [], bcc: [] },
    });
    ids.orphan = await insertDelivery(db, {
      scheduleId: null,
      trigger: 'catch_up',
      status: 'unknown',
      createdAt: day(5),
    });
    const twins = [
      await insertDelivery(db, { scheduleId: daily, trigger: 'manual', status: 'pending', createdAt: day(6) }),
      await insertDelivery(db, { scheduleId: daily, trigger: 'manual', status: 'pending', createdAt: day(6) }),
    ].sort();
    newestFirst = [twins[1], twins[0], ids.orphan, ids.test, ids.weekly, ids.failed, ids.sent] as string[];
  });
  afterAll(async () => fixture.close());

  it('lists every delivery newest first (ties by id) for a viewer, with exact items', async () => {
    const body = await list('');
    expect([body.page, body.pageSize, body.total, idsOf(body)]).toEqual([1, 20, 7, newestFirst]);
    expect(body.items.at(-1)).toEqual({
      id: ids.sent,
      scheduleId: daily,
      scheduleName: 'Daily owner report',
      trigger: 'scheduled',
      status: 'sent',
      channel: 'email',
      webhookLabel: null,
      reportDeliveryId: null,
      periodStart: '2026-03-01T16:00:00.000Z',
      periodEnd: '2026-03-02T16:00:00.000Z',
      timezone: 'Asia/Manila',
      periodLabel: 'Mar 2, 2026',
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: [] },
      subject: 'Daily Sales Report - Mar 2, 2026',
      totalRevenue: '3499.75',
      totalTransactions: 3,
      attempts: 1,
      createdAt: '2026-03-01T01:00:00.000Z',
      sentAt: '2026-03-01T01:00:02.500Z',
      transport: 'smtp',
    });
    expect(body.items.find((item: { id: string }) => item.id === ids.orphan)).toMatchObject({
      scheduleId: null,
      scheduleName: null,
      totalRevenue: null,
      sentAt: null,
      transport: null,
    });
    expect(body.items.find((item: { id: string }) => item.id === ids.weekly)?.transport).toBe('outbox');
  });

  it('pages without overlap or gaps; a page past the end is empty with the right total', async () => {
    const pages = [await list('?pageSize=3'), await list('?page=2&pageSize=3'), await list('?page=3&pageSize=3')];
    expect(pages.flatMap(idsOf)).toEqual(newestFirst);
    expect(pages.map((body) => [body.page, body.pageSize, body.total])).toEqual([
      [1, 3, 7],
      [2, 3, 7],
      [3, 3, 7],
    ]);
    expect(await list('?page=4&pageSize=3')).toEqual({ items: [], page: 4, pageSize: 3, total: 7 });
  });

  it('filters by status, schedule, trigger and creation window, combined', async () => {
    expect(idsOf(await list('?status=sent'))).toEqual([ids.test, ids.weekly, ids.sent]);
    expect(idsOf(await list(`?status=sent&scheduleId=${daily}`))).toEqual([ids.sent]);
    expect(idsOf(await list('?trigger=test'))).toEqual([ids.test]);
    // `from` inclusive (the same instant in +08:00), `to` exclusive.
    const window = await list('?from=2026-03-02T09:00:00%2B08:00&to=2026-03-04T01:00:00Z');
    expect([window.total, idsOf(window)]).toEqual([2, [ids.weekly, ids.failed]]);
    const combined = await list(`?scheduleId=${daily}&from=2026-03-02T00:00:00Z&pageSize=1&page=2`);
    expect([combined.total, idsOf(combined)]).toEqual([3, [newestFirst[1]]]);
    expect(await list(`?scheduleId=${daily}&trigger=test`)).toEqual({ items: [], page: 1, pageSize: 20, total: 0 });
    expect(idsOf(await list('?transport=outbox'))).toEqual([ids.weekly]);
    expect(idsOf(await list('?transport=smtp&status=sent'))).toEqual([ids.sent]);
  });

  it.each([
    ['?from=2026-03-05T00:00:00Z&to=2026-03-04T00:00:00Z', 'to'],
    ['?from=2026-03-01', 'from'],
    ['?to=2026-03-01T10:00:00', 'to'],
    ['?status=delivered', 'status'],
    ['?trigger=cron', 'trigger'],
    ['?transport=fax', 'transport'],
    ['?scheduleId=42', 'scheduleId'],
    ['?pageSize=101', 'pageSize'],
    ['?page=0', 'page'],
  ])('answers %s with a 400 naming the query parameter %s', async (query, field) => {
    const reply = await fixture.call('viewer', 'GET', `/v1/deliveries${query}`);
    expect([reply.statusCode, reply.json().error]).toEqual([400, 'VALIDATION']);
    expect(reply.json().details.map((detail: { field: string }) => detail.field)).toEqual([queryField(field)]);
  });

  it('needs a signed-in user', async () => {
    for (const url of ['/v1/deliveries', `/v1/deliveries/${ids.sent}`]) {
      expect((await fixture.call('anonymous', 'GET', url)).statusCode).toBe(401);
    }
  });

  it('shows every field of one delivery', async () => {
    await fixture.database.db
      .update(delivery)
      .set({
        jobKey: 'scheduled-1',
        salesRevenue: '1999.75',
        salesTransactions: 2,
        repairRevenue: '1500.00',
        repairTransactions: 1,
        messageId: `<${ids.sent}@shop.example>`,
        acceptedRecipients: ['owner@shop.example'],
        rejectedRecipients: ['books@shop.example'],
        errorMessage: null,
        attachmentFilename: 'Sales_Report_2026_03_02.xlsx',
        attachmentSize: 7421,
        emailContent: MARCH_2_EMAIL,
        attemptedAt: new Date('2026-03-01T01:00:01.000Z'),
        updatedAt: new Date('2026-03-01T01:00:03.000Z'),
      })
      .where(eq(delivery.id, ids.sent as string));
    const reply = await fixture.call('viewer', 'GET', `/v1/deliveries/${ids.sent}`);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({
      ...(await list('')).items.at(-1),
      reportType: 'daily_sales',
      jobKey: 'scheduled-1',
      salesRevenue: '1999.75',
      salesTransactions: 2,
      repairRevenue: '1500.00',
      repairTransactions: 1,
      errorMessage: null,
      errorHint: null,
      messageId: `<${ids.sent}@shop.example>`,
      acceptedRecipients: ['owner@shop.example'],
      rejectedRecipients: ['books@shop.example'],
      outboxPath: null,
      attachmentFilename: 'Sales_Report_2026_03_02.xlsx',
      attachmentSize: 7421,
      attachmentOmitted: false,
      attachmentStored: false,
      emailContent: MARCH_2_EMAIL,
      generationStartedAt: null,
      generatedAt: null,
      attemptedAt: '2026-03-01T01:00:01.000Z',
      updatedAt: '2026-03-01T01:00:03.000Z',
      webhookId: null,
      responseStatus: null,
      redeliveryOf: null,
    });
  });

  it('shows where an outbox delivery was saved', async () => {
    const reply = await fixture.call('viewer', 'GET', `/v1/deliveries/${ids.weekly}`);
    expect([reply.statusCode, reply.json().transport, reply.json().outboxPath]).toEqual([200, 'outbox', OUTBOX_PATH]);
  });

  it('answers 404 for an unknown id and 400 naming params.id for a malformed one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await fixture.call('viewer', 'GET', `/v1/deliveries/${unknown}`);
    expect([missing.statusCode, missing.json()]).toEqual([
      404,
      { error: 'NOT_FOUND', message: `No delivery with id ${unknown}`, details: [] },
    ]);
    const malformed = await fixture.call('viewer', 'GET', '/v1/deliveries/not-a-uuid');
    expect([malformed.statusCode, malformed.json().details]).toEqual([
      400,
      [{ field: 'params.id', message: 'must be a UUID' }],
    ]);
  });
});

describe('resending a delivery', () => {
  let fixture: ApiFixture;
  let scheduleId: string;
  const resend = (id: string, caller: 'admin' | 'viewer' | 'anonymous' = 'admin') =>
    fixture.call(caller, 'POST', `/v1/deliveries/${id}/resend`);
  const rowOf = async (id: string) => (await fixture.database.db.select().from(delivery).where(eq(delivery.id, id)))[0];

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '1000' });
    scheduleId = await insertSchedule(fixture.database.db, 'Daily');
  });
  afterAll(async () => fixture.close());

  it('queues a new manual delivery of the same period and recipients, with an id-only job and an audit entry', async () => {
    const original = await insertDelivery(fixture.database.db, { scheduleId, status: 'failed', attempts: 8 });
    const reply = await resend(original);
    expect(reply.statusCode).toBe(202);
    const { deliveryId } = reply.json();
    expect(reply.json()).toEqual({ deliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(deliveryId).not.toBe(original);
    expect(await rowOf(deliveryId)).toMatchObject({
      scheduleId,
      trigger: 'manual',
      status: 'pending',
      reportType: 'daily_sales',
      ...MARCH_2,
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: [] },
      jobKey: `manual-${deliveryId}`,
      attempts: 0,
      redeliveryOf: original,
    });
    const job = await fixture.queues.reports.getJob(`manual-${deliveryId}`);
    expect([job?.name, job?.data]).toEqual([
      'generate-report',
      { scheduleId, scheduledAt: '2026-03-02T16:00:00.000Z', trigger: 'manual', deliveryId },
    ]);
    const audit = await fixture.database.db.select().from(auditLog).where(eq(auditLog.action, 'delivery.resend'));
    expect(audit.map((entry) => [entry.actorId, entry.target, entry.details])).toEqual([
      [
        fixture.admin.id,
        `delivery:${deliveryId}`,
        {
          scheduleId,
          periodStart: '2026-03-01T16:00:00.000Z',
          periodEnd: '2026-03-02T16:00:00.000Z',
          resendOf: original,
        },
      ],
    ]);
    expect((await rowOf(original))?.status).toBe('failed');
  });

  it('resends a test send as a test, to its one test address', async () => {
    const original = await insertDelivery(fixture.database.db, {
      scheduleId,
      trigger: 'test',
      recipients: { to: ['tester@shop.example'], cc: [], bcc: [] },
    });
    const { deliveryId } = (await resend(original)).json();
    expect(await rowOf(deliveryId)).toMatchObject({
      trigger: 'test',
      recipients: { to: ['tester@shop.example'], cc: [], bcc: [] },
    });
    expect((await fixture.queues.reports.getJob(`test-${deliveryId}`))?.data.trigger).toBe('test');
  });

  it('refuses a delivery whose schedule was deleted with a 409, creating nothing', async () => {
    const orphan = await insertDelivery(fixture.database.db, { scheduleId: null });
    const before = (await fixture.database.db.select().from(delivery)).length;
    const reply = await resend(orphan);
    expect([reply.statusCode, reply.json()]).toEqual([
      409,
      {
        error: 'CONFLICT',
        message: 'This delivery cannot be resent: its schedule was deleted. Create a schedule and use send-now instead',
        details: [],
      },
    ]);
    expect(await fixture.database.db.select().from(delivery)).toHaveLength(before);
  });

  it('is for admins only, and answers 404 / 400 for unknown and malformed ids', async () => {
    const original = await insertDelivery(fixture.database.db, { scheduleId, trigger: 'manual' });
    expect([(await resend(original, 'viewer')).statusCode, (await resend(original, 'anonymous')).statusCode]).toEqual([
      403, 401,
    ]);
    expect((await resend('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await resend('nope')).json().details).toEqual([{ field: 'params.id', message: 'must be a UUID' }]);
  });
});
