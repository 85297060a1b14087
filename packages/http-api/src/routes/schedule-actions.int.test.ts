import { auditLog, delivery, reportSchedule } from '@reportmail/db';
import { JOBS } from '@reportmail/queue';
import { reportPeriodForRun } from '@reportmail/schedules';
import { seedManilaScenario } from '@reportmail/testing';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const MISSING = '00000000-0000-4000-8000-000000000000';
const manilaDaily = {
  name: 'Daily sales',
  enabled: true,
  frequency: 'daily',
  timezone: 'Asia/Manila',
  recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: ['audit@shop.example'] },
};
// Mar 2, 2026 in Manila: the day seedManilaScenario works out by hand.
const MARCH_2 = { start: '2026-03-01T16:00:00.000Z', end: '2026-03-02T16:00:00.000Z', label: 'Mar 2, 2026' };

describe('schedule actions: next runs, send now, test, previews', () => {
  let fixture: ApiFixture;
  let scheduleId: string;

  const createSchedule = async (body: Record<string, unknown>) => {
    const reply = await fixture.call('admin', 'POST', '/v1/schedules', body);
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().id as string;
  };
  const ledgerRow = async (id: string) => {
    const [row] = await fixture.database.db.select().from(delivery).where(eq(delivery.id, id));
    return row;
  };
  const deliveryCount = async () => (await fixture.database.db.select({ n: count() }).from(delivery))[0]?.n;

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '1000' });
    await seedManilaScenario(fixture.database);
    scheduleId = await createSchedule(manilaDaily);
  });
  afterAll(async () => fixture.close());

  it('lists the next runs with the scheduler’s own functions, across a DST change', async () => {
    const id = await createSchedule({ ...manilaDaily, name: 'NY', sendTime: '02:30', timezone: 'America/New_York' });
    const reply = await fixture.call(
      'viewer',
      'GET',
      `/v1/schedules/${id}/next-runs?count=2&after=2026-03-07T08:00:00Z`,
    );
    expect([reply.statusCode, reply.json()]).toEqual([
      200,
      {
        enabled: true,
        note: null,
        runs: [
          {
            at: '2026-03-08T07:00:00.000Z',
            local: '2026-03-08 03:00',
            timezone: 'America/New_York',
            period: { start: '2026-03-07T05:00:00.000Z', end: '2026-03-08T05:00:00.000Z', label: 'Mar 7, 2026' },
          },
          {
            at: '2026-03-09T06:30:00.000Z',
            local: '2026-03-09 02:30',
            timezone: 'America/New_York',
            period: { start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z', label: 'Mar 8, 2026' },
          },
        ],
      },
    ]);
    const fromNow = await fixture.call('viewer', 'GET', `/v1/schedules/${id}/next-runs`);
    expect(fromNow.json().runs).toHaveLength(5);
    expect(Date.parse(fromNow.json().runs[0].at)).toBeGreaterThan(Date.now());
    for (const query of ['count=0', 'count=51']) {
      const refused = await fixture.call('viewer', 'GET', `/v1/schedules/${id}/next-runs?${query}`);
      expect([refused.statusCode, refused.json().details[0].field]).toEqual([400, 'querystring.count']);
    }
  });

  it('sends now for chosen local days: ledger row, a job with ids only, an audit entry', async () => {
    const reply = await fixture.call('admin', 'POST', `/v1/schedules/${scheduleId}/run`, {
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect([reply.statusCode, reply.json()]).toEqual([
      202,
      { deliveryId: expect.any(String), period: { ...MARCH_2, timezone: 'Asia/Manila' } },
    ]);
    const { deliveryId } = reply.json();
    expect(await ledgerRow(deliveryId)).toMatchObject({
      scheduleId,
      trigger: 'manual',
      status: 'pending',
      reportType: 'daily_sales',
      periodStart: new Date(MARCH_2.start),
      periodEnd: new Date(MARCH_2.end),
      timezone: 'Asia/Manila',
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: ['audit@shop.example'] },
    });
    const job = await fixture.queues.reports.getJob(`manual-${deliveryId}`);
    expect([job?.name, job?.data]).toEqual([
      JOBS.generateReport,
      { scheduleId, scheduledAt: MARCH_2.end, trigger: 'manual', deliveryId },
    ]);
    const [entry] = await fixture.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `delivery:${deliveryId}`));
    expect([entry?.action, entry?.actorId, entry?.details]).toEqual([
      'schedule.run',
      fixture.admin.id,
      { scheduleId, periodStart: MARCH_2.start, periodEnd: MARCH_2.end },
    ]);
  });

  it('sends now, without a body, for the period a run right now would report on', async () => {
    const reply = await fixture.call('admin', 'POST', `/v1/schedules/${scheduleId}/run`);
    expect(reply.statusCode, reply.body).toBe(202);
    const expected = reportPeriodForRun(
      { frequency: 'daily', sendTime: '09:00', timezone: 'Asia/Manila', periodMode: 'previous_days' },
      new Date(),
    );
    expect(reply.json().period).toEqual({
      start: expected.start.toISOString(),
      end: expected.end.toISOString(),
      label: expected.label,
      timezone: 'Asia/Manila',
    });
  });

  it.each<[string, unknown, string, string]>([
    ['a period starting in the future', { from: '2099-01-01', to: '2099-01-01' }, 'body.from', 'is in the future'],
    ['more than 366 days', { from: '2025-01-01', to: '2026-01-02' }, 'body.to', 'the period is 367 days: at most 366'],
    ['from without to', { from: '2026-03-02' }, 'body.to', 'is required with from'],
    ['a date that does not exist', { from: '2026-02-29', to: '2026-03-02' }, 'body.from', 'expected a calendar date'],
    [
      'a date in another format',
      { from: '03/02/2026', to: '2026-03-02' },
      'body.from',
      'expected a calendar date as YYYY-MM-DD, got "03/02/2026"',
    ],
    [
      'an unknown field',
      { from: '2026-03-02', to: '2026-03-02', recipients: ['x@evil.example'] },
      'body.recipients',
      'is not a field of this request',
    ],
  ])('refuses to send %s, naming the field, creating nothing', async (_name, body, field, message) => {
    const before = await deliveryCount();
    const reply = await fixture.call('admin', 'POST', `/v1/schedules/${scheduleId}/run`, body);
    expect([reply.statusCode, reply.json().details]).toEqual([
      400,
      [{ field, message: expect.stringContaining(message) }],
    ]);
    expect(await deliveryCount()).toBe(before);
  });

  it('refuses to send a schedule without a "to" recipient, and an unknown schedule', async () => {
    const draft = await createSchedule({ name: 'Draft', frequency: 'daily', recipients: { cc: ['a@shop.example'] } });
    const reply = await fixture.call('admin', 'POST', `/v1/schedules/${draft}/run`, {});
    expect([reply.statusCode, reply.json()]).toEqual([
      400,
      {
        error: 'VALIDATION',
        message: 'The schedule has no "to" recipient: add one before sending it',
        details: [{ field: 'recipients.to', message: 'the schedule has no "to" recipient' }],
      },
    ]);
    const missing = await fixture.call('admin', 'POST', `/v1/schedules/${MISSING}/run`, {});
    expect([missing.statusCode, missing.json().error]).toEqual([404, 'NOT_FOUND']);
  });

  it('sends a test of the current period to one address only', async () => {
    const reply = await fixture.call('admin', 'POST', `/v1/schedules/${scheduleId}/test`, {
      to: 'Tester@Shop.example',
    });
    expect(reply.statusCode, reply.body).toBe(202);
    const { deliveryId, period } = reply.json();
    expect(await ledgerRow(deliveryId)).toMatchObject({
      trigger: 'test',
      status: 'pending',
      periodStart: new Date(period.start),
      periodEnd: new Date(period.end),
      recipients: { to: ['tester@shop.example'], cc: [], bcc: [] },
    });
    const job = await fixture.queues.reports.getJob(`test-${deliveryId}`);
    expect(job?.data).toEqual({ scheduleId, scheduledAt: period.end, trigger: 'test', deliveryId });
    const [entry] = await fixture.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.target, `delivery:${deliveryId}`));
    expect(entry?.action).toBe('schedule.test');
    for (const body of [
      {},
      { to: 'a@shop.example, b@shop.example' },
      { to: 'a@shop.example\r\nBcc: x@evil.example' },
    ]) {
      const refused = await fixture.call('admin', 'POST', `/v1/schedules/${scheduleId}/test`, body);
      expect([refused.statusCode, refused.json().details[0].field]).toEqual([400, 'body.to']);
    }
  });

  it('previews the email’s HTML for a period, with the exact figures, sending and logging nothing', async () => {
    const [deliveries, jobs] = [await deliveryCount(), await fixture.queues.reports.count()];
    const reply = await fixture.call(
      'viewer',
      'GET',
      `/v1/schedules/${scheduleId}/preview?from=2026-03-02&to=2026-03-02`,
    );
    expect([reply.statusCode, reply.headers['content-type'], reply.headers['content-security-policy']]).toEqual([
      200,
      'text/html; charset=utf-8',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    ]);
    expect(reply.body).toMatch(/^<!DOCTYPE html/);
    expect(reply.body).toContain('Daily Sales Report');
    expect(reply.body).toContain('Mar 2, 2026');
    expect(reply.body).toContain('₱3,715.00');
    expect(reply.body).toContain('₱1,715.00');
    expect(reply.body).toContain('₱2,000.00');
    expect(reply.body).toContain('Mar 1, 2026: ₱500.00');
    expect([await deliveryCount(), await fixture.queues.reports.count()]).toEqual([deliveries, jobs]);
  });

  it('previews the workbook the email would attach', async () => {
    const reply = await fixture.call(
      'viewer',
      'GET',
      `/v1/schedules/${scheduleId}/preview.xlsx?from=2026-03-02&to=2026-03-02`,
    );
    expect([reply.statusCode, reply.headers['content-type'], reply.headers['content-disposition']]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'attachment; filename="Sales_Report_2026_03_02.xlsx"',
    ]);
    // An XLSX file is a zip archive: it starts with a local file header.
    expect(reply.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(reply.rawPayload.length).toBeGreaterThan(4000);
  });

  it.each([
    ['more than 92 days', 'from=2025-11-30&to=2026-03-02', 'querystring.to'],
    ['a future period', 'from=2099-01-01&to=2099-01-02', 'querystring.from'],
    ['a date in another format', 'from=2026-3-2&to=2026-03-02', 'querystring.from'],
  ])('refuses to preview %s, naming the field', async (_name, query, field) => {
    for (const path of ['preview', 'preview.xlsx']) {
      const reply = await fixture.call('viewer', 'GET', `/v1/schedules/${scheduleId}/${path}?${query}`);
      expect([reply.statusCode, reply.json().details.map((detail: { field: string }) => detail.field)]).toEqual([
        400,
        [field],
      ]);
    }
  });

  it('keeps the schedules it sent for', async () => {
    const rows = await fixture.database.db.select().from(reportSchedule).orderBy(asc(reportSchedule.name));
    expect(rows.map((row) => row.name)).toEqual(['Daily sales', 'Draft', 'NY']);
  });
});

describe('schedule actions: the send limit', () => {
  it('refuses a third send in a minute with SENDS_PER_MINUTE=2: 429, nothing queued', async () => {
    const fixture = await createApiFixture({ SENDS_PER_MINUTE: '2' });
    try {
      const created = await fixture.call('admin', 'POST', '/v1/schedules', manilaDaily);
      const id = created.json().id;
      const send = () => fixture.call('admin', 'POST', `/v1/schedules/${id}/test`, { to: 'tester@shop.example' });
      expect([(await send()).statusCode, (await send()).statusCode]).toEqual([202, 202]);
      const refused = await send();
      expect([refused.statusCode, refused.json().error]).toEqual([429, 'RATE_LIMITED']);
      expect(refused.json().message).toMatch(/^Too many requests: try again in \d+ seconds$/);
      const run = await fixture.call('admin', 'POST', `/v1/schedules/${id}/run`);
      expect(run.statusCode).toBe(429);
      expect(await fixture.queues.reports.count()).toBe(2);
    } finally {
      await fixture.close();
    }
  });
});
