import { auditLog, delivery, reportSchedule } from '@reportmail/db';
import { createRedisConnection, type ScheduleChange, subscribeScheduleChanges } from '@reportmail/queue';
import { asc, eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFixture, type Caller, createApiFixture } from '../test-fixtures.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const daily = {
  name: 'Daily sales',
  enabled: true,
  frequency: 'daily',
  sendTime: '08:30',
  timezone: 'Asia/Manila',
  recipients: { to: ['Owner@Shop.example'], cc: ['books@shop.example', 'OWNER@shop.example'], bcc: [] },
  senderName: 'Shop Reports',
};

describe('schedules: create, read, replace, switch, delete', () => {
  let fixture: ApiFixture;
  let subscriber: Redis;
  const changes: ScheduleChange[] = [];
  const waiters: { id: string; resolve: () => void }[] = [];
  /** Resolves when the scheduler's change signal for this schedule has arrived (an event, no sleep). */
  const signalled = (id: string) =>
    changes.some((change) => change.scheduleId === id)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ id, resolve }));

  const call = (caller: Caller, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    fixture.call(caller, method, url, body);
  const create = async (body: Record<string, unknown> = daily) => {
    const reply = await call('admin', 'POST', '/v1/schedules', body);
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json() as { id: string } & Record<string, unknown>;
  };
  const audits = (id: string) =>
    fixture.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.target, `schedule:${id}`))
      .orderBy(asc(auditLog.id));

  beforeAll(async () => {
    fixture = await createApiFixture();
    subscriber = createRedisConnection(fixture.redis.url, 'worker');
    await subscribeScheduleChanges(subscriber, fixture.redis.prefix, (change) => {
      changes.push(change);
      for (const waiter of waiters.filter((w) => w.id === change.scheduleId)) waiter.resolve();
    });
  });
  afterAll(async () => {
    subscriber.disconnect();
    await fixture.close();
  });
  beforeEach(async () => {
    changes.length = 0;
    await fixture.database.db.delete(reportSchedule);
  });

  it('creates a schedule (recipients deduplicated, lower-cased), audits it and signals the scheduler', async () => {
    const before = Date.now();
    const created = await create();
    expect(created).toEqual({
      id: expect.stringMatching(UUID),
      name: 'Daily sales',
      enabled: true,
      frequency: 'daily',
      sendTime: '08:30',
      timezone: 'Asia/Manila',
      cronExpression: null,
      anchorDate: null,
      weekday: null,
      periodMode: 'previous_days',
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: [] },
      senderName: 'Shop Reports',
      emptyPeriodPolicy: 'send',
      reportChanges: true,
      attachPdf: false,
      pdfPageSize: 'A4',
      createdAt: expect.stringMatching(ISO),
      updatedAt: created.createdAt,
      lastSentAt: null,
      // Planned at once (08:30 in Manila is 00:30 UTC), not only once the scheduler has synced.
      nextRunAt: expect.stringMatching(/T00:30:00\.000Z$/),
      enabledAt: created.createdAt,
      description: 'Daily at 08:30, Asia/Manila',
      lastDelivery: null,
    });
    expect(Date.parse(created.createdAt as string)).toBeGreaterThanOrEqual(before);
    expect((await call('viewer', 'GET', `/v1/schedules/${created.id}`)).json()).toEqual(created);
    expect(await audits(created.id)).toEqual([
      {
        action: 'schedule.create',
        actorId: fixture.admin.id,
        details: {
          name: 'Daily sales',
          changed: [
            'name',
            'enabled',
            'frequency',
            'sendTime',
            'timezone',
            'cronExpression',
            'anchorDate',
            'weekday',
            'periodMode',
            'recipients',
            'senderName',
            'emptyPeriodPolicy',
            'reportChanges',
            'attachPdf',
            'pdfPageSize',
          ],
        },
      },
    ]);
    await signalled(created.id);
  });

  it('creates a disabled draft without recipients, with the API’s default zone', async () => {
    const created = await create({ name: 'Draft', frequency: 'weekly', weekday: 'monday' });
    expect(created).toMatchObject({
      enabled: false,
      enabledAt: null,
      timezone: 'Asia/Manila',
      sendTime: '09:00',
      recipients: { to: [], cc: [], bcc: [] },
    });
  });

  it('replaces every editable field with PUT and audits the names of the fields that changed', async () => {
    const { id, createdAt, enabledAt } = await create();
    const replacement = {
      name: 'Weekly sales',
      enabled: true,
      frequency: 'weekly',
      weekday: 'monday',
      timezone: 'America/New_York',
      recipients: { to: ['owner@shop.example'], bcc: ['audit@shop.example'] },
      emptyPeriodPolicy: 'note',
      reportChanges: false,
      attachPdf: true,
      pdfPageSize: 'LETTER',
    };
    const reply = await call('admin', 'PUT', `/v1/schedules/${id}`, replacement);
    expect(reply.statusCode, reply.body).toBe(200);
    const replaced = reply.json();
    expect(replaced).toEqual({
      id,
      name: 'Weekly sales',
      enabled: true,
      frequency: 'weekly',
      sendTime: '09:00',
      timezone: 'America/New_York',
      cronExpression: null,
      anchorDate: null,
      weekday: 'monday',
      periodMode: 'previous_days',
      recipients: { to: ['owner@shop.example'], cc: [], bcc: ['audit@shop.example'] },
      senderName: null,
      emptyPeriodPolicy: 'note',
      reportChanges: false,
      attachPdf: true,
      pdfPageSize: 'LETTER',
      createdAt,
      updatedAt: expect.stringMatching(ISO),
      lastSentAt: null,
      // 09:00 in New York: 13:00 or 14:00 UTC, whichever DST says.
      nextRunAt: expect.stringMatching(/T1[34]:00:00\.000Z$/),
      // Still on: when it was switched on does not move.
      enabledAt,
      description: 'Weekly on Monday at 09:00, America/New_York',
      lastDelivery: null,
    });
    expect(Date.parse(replaced.updatedAt)).toBeGreaterThan(Date.parse(createdAt as string));
    expect((await audits(id)).at(-1)).toEqual({
      action: 'schedule.update',
      actorId: fixture.admin.id,
      details: {
        name: 'Weekly sales',
        changed: [
          'name',
          'frequency',
          'sendTime',
          'timezone',
          'weekday',
          'recipients',
          'senderName',
          'emptyPeriodPolicy',
          'reportChanges',
          'attachPdf',
          'pdfPageSize',
        ],
      },
    });
    await signalled(id);
  });

  it('switches a schedule off and on with PATCH: on records when, off keeps the row', async () => {
    const { id, enabledAt: firstEnabledAt } = await create();
    const off = await call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: false });
    expect([off.statusCode, off.json().enabled, off.json().enabledAt]).toEqual([200, false, firstEnabledAt]);
    await signalled(id);
    changes.length = 0;
    const before = Date.now();
    const on = await call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: true });
    expect([on.statusCode, on.json().enabled]).toEqual([200, true]);
    expect(Date.parse(on.json().enabledAt)).toBeGreaterThanOrEqual(before);
    expect(on.json().updatedAt).toBe(on.json().enabledAt);
    await signalled(id);
    const [row] = await fixture.database.db.select().from(reportSchedule).where(eq(reportSchedule.id, id));
    expect(row?.enabledAt?.toISOString()).toBe(on.json().enabledAt);
    // Already on: switching on again does not move enabledAt.
    expect((await call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: true })).json().enabledAt).toBe(
      on.json().enabledAt,
    );
    expect((await audits(id)).slice(1)).toEqual([
      { action: 'schedule.disable', actorId: fixture.admin.id, details: { name: 'Daily sales', changed: ['enabled'] } },
      { action: 'schedule.enable', actorId: fixture.admin.id, details: { name: 'Daily sales', changed: ['enabled'] } },
      { action: 'schedule.enable', actorId: fixture.admin.id, details: { name: 'Daily sales', changed: [] } },
    ]);
  });

  it('refuses to switch on a schedule without a "to" recipient, and PATCH takes only enabled', async () => {
    const { id, updatedAt } = await create({
      name: 'Draft',
      frequency: 'daily',
      recipients: { cc: ['a@shop.example'] },
    });
    const refused = await call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: true });
    expect([refused.statusCode, refused.json()]).toEqual([
      400,
      {
        error: 'VALIDATION',
        message:
          'body.enabled: the schedule has no "to" recipient: add one (PUT) before switching it on, or a Slack or webhook',
        details: [
          {
            field: 'body.enabled',
            message: 'the schedule has no "to" recipient: add one (PUT) before switching it on, or a Slack or webhook',
          },
        ],
      },
    ]);
    const strict = await call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: true, name: 'x' });
    expect([strict.statusCode, strict.json().details]).toEqual([
      400,
      [{ field: 'body.name', message: 'is not a field of this request' }],
    ]);
    const unchanged = (await call('admin', 'GET', `/v1/schedules/${id}`)).json();
    expect([unchanged.enabled, unchanged.updatedAt]).toEqual([false, updatedAt]);
    expect((await audits(id)).map((entry) => entry.action)).toEqual(['schedule.create']);
  });

  it('deletes a schedule: 204, gone, its deliveries kept without it, audited and signalled', async () => {
    const { id } = await create();
    const [kept] = await fixture.database.db
      .insert(delivery)
      .values({
        scheduleId: id,
        trigger: 'scheduled',
        reportType: 'daily_sales',
        periodStart: new Date('2026-03-01T16:00:00Z'),
        periodEnd: new Date('2026-03-02T16:00:00Z'),
        timezone: 'Asia/Manila',
        status: 'sent',
      })
      .returning();
    const reply = await call('admin', 'DELETE', `/v1/schedules/${id}`);
    expect([reply.statusCode, reply.body]).toEqual([204, '']);
    await signalled(id);
    expect((await call('admin', 'GET', `/v1/schedules/${id}`)).json()).toEqual({
      error: 'NOT_FOUND',
      message: `No schedule ${id}`,
      details: [],
    });
    const [row] = await fixture.database.db
      .select()
      .from(delivery)
      .where(eq(delivery.id, kept?.id as string));
    expect([row?.scheduleId, row?.status]).toEqual([null, 'sent']);
    expect((await audits(id)).at(-1)).toEqual({
      action: 'schedule.delete',
      actorId: fixture.admin.id,
      details: { name: 'Daily sales' },
    });
    expect((await call('admin', 'DELETE', `/v1/schedules/${id}`)).statusCode).toBe(404);
  });

  it('still saves and answers when Redis is down: the scheduler’s reconcile picks the change up', async () => {
    const { id } = await create();
    fixture.redisClient.disconnect();
    try {
      const reply = await call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: false });
      expect([reply.statusCode, reply.json().enabled]).toEqual([200, false]);
      const warning = fixture.logs.map((line) => JSON.parse(line)).find((line) => line.scheduleId === id);
      expect([warning?.level, warning?.msg]).toEqual([
        40,
        'schedule change signal not sent (Redis): the scheduler applies the change at its next reconcile',
      ]);
    } finally {
      await fixture.redisClient.connect();
    }
  });
});
