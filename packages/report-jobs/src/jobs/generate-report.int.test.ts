import { randomUUID } from 'node:crypto';
import { deliveryArtifact, delivery as deliveryTable, reportSchedule, scheduleWebhook } from '@reportmail/db';
import { EMPTY_PERIOD_NOTE, reportEmailData } from '@reportmail/emails';
import { findDelivery } from '@reportmail/ledger';
import { createLogger } from '@reportmail/logger';
import { createShopFactory, createTestDatabase, seedManilaScenario, type TestDatabase } from '@reportmail/testing';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateReportDeps, generateReport, NOWHERE_TO_SEND, POSTED_ONLY } from './generate-report.js';

// Mar 1 (the previous day) counted 400.00 + 100.00.
const KPI_CHANGE = '+₱3,215.00 (+643.00%)';
const LARGEST_FIRST = {
  reference: 'JC-2026-001',
  customer: 'Acme Corp',
  kind: 'Repair',
  method: 'Bank Transfer',
  when: '2026-03-02 15:00',
  amount: '₱1,500.00',
};

describe('generateReport', () => {
  let database: TestDatabase;
  let deps: GenerateReportDeps;
  const queued: string[] = [];
  const createSchedule = async (values: Partial<typeof reportSchedule.$inferInsert> = {}) => {
    const [row] = await database.db
      .insert(reportSchedule)
      .values({
        name: 'Daily report',
        enabled: true,
        frequency: 'daily',
        sendTime: '09:00',
        timezone: 'Asia/Manila',
        recipientsTo: ['owner@shop.example'],
        recipientsCc: ['books@shop.example'],
        ...values,
      })
      .returning();
    return row as typeof reportSchedule.$inferSelect;
  };
  const artifactCreatedAt = async (deliveryId: string) => {
    const [row] = await database.db
      .select({ createdAt: deliveryArtifact.createdAt })
      .from(deliveryArtifact)
      .where(eq(deliveryArtifact.deliveryId, deliveryId));
    return row?.createdAt;
  };
  // Due Mar 3, 09:00 Manila: reports Mar 2.
  const dueAt = '2026-03-03T01:00:00.000Z';

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedManilaScenario(database);
    deps = {
      database,
      logger: createLogger({ service: 'test', level: 'silent' }),
      currency: { symbol: '₱', locale: 'en-PH' },
      attachmentLimitBytes: 10 * 1024 * 1024,
      enqueueSendEmail: async (deliveryId) => {
        queued.push(deliveryId);
      },
      enqueueWebhookDelivery: async () => {},
    };
  });
  afterAll(() => database.drop());

  it('stores the workbook, snapshots the totals and queues the email with the ledger id only', async () => {
    const schedule = await createSchedule();
    const result = await generateReport(
      deps,
      { scheduleId: schedule.id, scheduledAt: dueAt, trigger: 'scheduled' },
      'job-1',
    );
    expect(result.outcome).toBe('queued');
    expect(queued).toEqual([result.deliveryId]);
    const delivery = await findDelivery(database.db, result.deliveryId);
    expect(delivery).toMatchObject({
      status: 'sending',
      trigger: 'scheduled',
      reportType: 'daily_sales',
      periodStart: new Date('2026-03-01T16:00:00.000Z'),
      periodEnd: new Date('2026-03-02T16:00:00.000Z'),
      subject: 'Daily Sales Report - Mar 2, 2026',
      totalRevenue: '3715.00',
      totalTransactions: 9,
      salesRevenue: '1715.00',
      repairRevenue: '2000.00',
      attachmentFilename: 'Sales_Report_2026_03_02.xlsx',
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: [] },
      attempts: 0,
    });
    const [artifact] = await database.db
      .select()
      .from(deliveryArtifact)
      .where(eq(deliveryArtifact.deliveryId, result.deliveryId));
    expect(artifact?.sizeBytes).toBe(delivery?.attachmentSize);
    expect(artifact?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(artifact?.content as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Summary')?.getCell('B10').value).toBe(3715);
    expect(delivery?.attachmentOmitted).toBe(false);
    const content = reportEmailData.parse(delivery?.emailContent);
    expect(content.subject).toBe(delivery?.subject);
    expect(content.kpis.map((kpi) => kpi.value)).toEqual(['₱3,715.00', '9', '₱1,715.00', '₱2,000.00', KPI_CHANGE]);
    expect(content.largest).toHaveLength(9);
    expect(content.largest[0]).toMatchObject(LARGEST_FIRST);
    expect(content.notes).toEqual([]);
  });

  it('gives each enabled webhook one row of the report, queued; a retry, a test send and a resent email add none', async () => {
    const schedule = await createSchedule();
    await database.db.insert(scheduleWebhook).values([
      { scheduleId: schedule.id, kind: 'slack', label: '#owners', urlCiphertext: 'x', urlHint: 'h' },
      { scheduleId: schedule.id, kind: 'slack', label: 'Off', urlCiphertext: 'x', urlHint: 'h', enabled: false },
    ]);
    const posts: string[] = [];
    const withHooks = { ...deps, enqueueWebhookDelivery: async (id: string) => void posts.push(id) };
    const payload = { scheduleId: schedule.id, scheduledAt: dueAt, trigger: 'scheduled' as const };
    const result = await generateReport(withHooks, payload, 'job-hooks');
    const retried = await generateReport(withHooks, payload, 'job-hooks');
    const rows = await database.db.select().from(deliveryTable).where(eq(deliveryTable.scheduleId, schedule.id));
    const hookRow = rows.find((row) => row.channel === 'slack');
    const report = rows.find((row) => row.channel === 'email');
    expect([result.outcome, retried.outcome]).toEqual(['queued', 'queued']);
    expect(rows.map((row) => row.channel).sort()).toEqual(['email', 'slack']);
    expect(posts).toEqual([hookRow?.id, hookRow?.id]);
    expect(hookRow).toMatchObject({
      status: 'sending',
      trigger: 'scheduled',
      reportDeliveryId: report?.id,
      webhookLabel: '#owners',
      totalRevenue: '3715.00',
      recipients: null,
      emailContent: null,
    });
    expect(report?.reportJson).toMatchObject({ totals: { revenue: '3715.00', transactions: 9 } });

    // A test send and a resent email of the same period, each on the row the API would have written.
    const apiRow = async (values: { trigger: 'test' | 'manual'; to: string; redeliveryOf?: string }) => {
      const [row] = await database.db
        .insert(deliveryTable)
        .values({
          scheduleId: schedule.id,
          trigger: values.trigger,
          reportType: 'daily_sales',
          periodStart: report?.periodStart as Date,
          periodEnd: report?.periodEnd as Date,
          timezone: 'Asia/Manila',
          recipients: { to: [values.to], cc: [], bcc: [] },
          redeliveryOf: values.redeliveryOf,
        })
        .returning();
      return row;
    };
    const testRow = await apiRow({ trigger: 'test', to: 'me@shop.example' });
    const resentRow = await apiRow({ trigger: 'manual', to: 'owner@shop.example', redeliveryOf: report?.id });
    await generateReport(withHooks, { ...payload, trigger: 'test', deliveryId: testRow?.id }, 'test-x');
    await generateReport(withHooks, { ...payload, trigger: 'manual', deliveryId: resentRow?.id }, 'manual-x');
    const after = await database.db
      .select()
      .from(deliveryTable)
      .where(inArray(deliveryTable.reportDeliveryId, [testRow?.id as string, resentRow?.id as string]));
    expect([after, posts.length]).toEqual([[], 2]);
  });

  it('posts a schedule with no email recipient to its webhooks only, and tells it later changes', async () => {
    const schedule = await createSchedule({ recipientsTo: [], recipientsCc: [] });
    await database.db
      .insert(scheduleWebhook)
      .values({ scheduleId: schedule.id, kind: 'slack', label: '#owners', urlCiphertext: 'x', urlHint: 'h' });
    const posts: string[] = [];
    const emails = queued.length;
    const withHooks = { ...deps, enqueueWebhookDelivery: async (id: string) => void posts.push(id) };
    const first = await generateReport(
      withHooks,
      { scheduleId: schedule.id, scheduledAt: dueAt, trigger: 'scheduled' },
      'only-1',
    );
    const report = await findDelivery(database.db, first.deliveryId);
    expect([first.outcome, report?.status, report?.errorMessage, report?.totalRevenue]).toEqual([
      'queued',
      'skipped',
      POSTED_ONLY,
      '3715.00',
    ]);
    expect([queued.length - emails, posts.length]).toEqual([0, 1]);
    await database.db
      .update(deliveryTable)
      .set({ status: 'sent', sentAt: new Date('2026-03-03T01:00:05Z') })
      .where(eq(deliveryTable.id, posts[0] as string));

    // A payment on Mar 2 recorded after the Slack post: the next report tells it.
    await createShopFactory(database.sql).createSale({
      invoiceNo: 'INV-LATE',
      payments: [{ amount: '100.00', paidAt: '2026-03-02T02:00:00Z' }],
    });
    const second = await generateReport(
      withHooks,
      { scheduleId: schedule.id, scheduledAt: '2026-03-04T01:00:00.000Z', trigger: 'scheduled' },
      'only-2',
    );
    const changes = reportEmailData.parse((await findDelivery(database.db, second.deliveryId))?.emailContent).changes;
    expect(changes.map((change) => [change.period, change.sentTotal, change.totalNow])).toEqual([
      ['Mar 2, 2026', '₱3,715.00', '₱3,815.00'],
    ]);
    // Its webhooks all switched off since: the report is stored and the row says nobody got it.
    await database.db
      .update(scheduleWebhook)
      .set({ enabled: false })
      .where(eq(scheduleWebhook.scheduleId, schedule.id));
    const third = await generateReport(
      withHooks,
      { scheduleId: schedule.id, scheduledAt: '2026-03-05T01:00:00.000Z', trigger: 'scheduled' },
      'only-3',
    );
    const nowhere = await findDelivery(database.db, third.deliveryId);
    expect([nowhere?.status, nowhere?.errorMessage, posts.length]).toEqual(['skipped', NOWHERE_TO_SEND, 2]);
  });

  it('leaves a workbook over the encoded size limit out of the email and says why', async () => {
    const schedule = await createSchedule();
    const result = await generateReport(
      { ...deps, attachmentLimitBytes: 4096 },
      { scheduleId: schedule.id, scheduledAt: dueAt, trigger: 'scheduled' },
      'job-big',
    );
    const delivery = await findDelivery(database.db, result.deliveryId);
    expect(delivery?.attachmentOmitted).toBe(true);
    const [note, ...others] = reportEmailData.parse(delivery?.emailContent).notes;
    expect(others).toEqual([]);
    expect(note).toMatch(
      /^The workbook Sales_Report_2026_03_02\.xlsx \(\d+ KB encoded\) is larger than the 4 KB attachment limit/,
    );
  });

  it('sends a short note without a workbook for an empty period under the note policy', async () => {
    const schedule = await createSchedule({ emptyPeriodPolicy: 'note' });
    const result = await generateReport(
      deps,
      { scheduleId: schedule.id, scheduledAt: '2025-01-02T01:00:00.000Z', trigger: 'scheduled' },
      'job-note',
    );
    const delivery = await findDelivery(database.db, result.deliveryId);
    expect([result.outcome, delivery?.status, delivery?.attachmentOmitted]).toEqual(['queued', 'sending', true]);
    expect(reportEmailData.parse(delivery?.emailContent).notes).toEqual([EMPTY_PERIOD_NOTE]);
  });

  it('re-queues only the email when its own job is retried after the report was stored', async () => {
    const schedule = await createSchedule();
    const payload = { scheduleId: schedule.id, scheduledAt: dueAt, trigger: 'scheduled' as const };
    const first = await generateReport(deps, payload, 'job-r');
    const storedAt = await artifactCreatedAt(first.deliveryId);
    const retried = await generateReport(deps, payload, 'job-r');
    expect(retried).toEqual(first);
    expect(queued.filter((id) => id === first.deliveryId)).toHaveLength(2);
    expect(await artifactCreatedAt(first.deliveryId)).toEqual(storedAt);
  });

  it('makes a second trigger for the same period a no-op', async () => {
    const schedule = await createSchedule();
    const payload = { scheduleId: schedule.id, scheduledAt: dueAt, trigger: 'scheduled' as const };
    const first = await generateReport(deps, payload, 'job-a');
    const queuedBefore = queued.length;
    expect(await generateReport(deps, { ...payload, trigger: 'catch_up' }, 'job-b')).toEqual({
      outcome: 'duplicate',
      deliveryId: '',
    });
    expect(queued.length).toBe(queuedBefore);
    expect(first.outcome).toBe('queued');
  });

  it('derives the period from the scheduled instant, not from when it runs', async () => {
    const schedule = await createSchedule({ frequency: 'weekly', weekday: 'tuesday' });
    const result = await generateReport(
      deps,
      { scheduleId: schedule.id, scheduledAt: '2026-03-10T01:00:00.000Z', trigger: 'scheduled' },
      'job-w',
    );
    const delivery = await findDelivery(database.db, result.deliveryId);
    expect([delivery?.subject, delivery?.totalRevenue, delivery?.scheduleName]).toEqual([
      'Weekly Sales Report - Mar 3 – Mar 9, 2026',
      '325.00',
      'Daily report',
    ]);
  });

  it('skips an empty period when the schedule says so', async () => {
    const schedule = await createSchedule({ emptyPeriodPolicy: 'skip' });
    const result = await generateReport(
      deps,
      { scheduleId: schedule.id, scheduledAt: '2025-01-02T01:00:00.000Z', trigger: 'scheduled' },
      'job-e',
    );
    expect(result.outcome).toBe('skipped');
    expect((await findDelivery(database.db, result.deliveryId))?.status).toBe('skipped');
  });

  it.each([
    ['sending', 'send', '2026-03-03T01:00:00.000Z'],
    ['skipped', 'skip', '2025-01-02T01:00:00.000Z'],
  ] as const)('records when generation started and finished for a row moved to %s', async (status, policy, at) => {
    const schedule = await createSchedule({ emptyPeriodPolicy: policy });
    const before = new Date();
    const result = await generateReport(
      deps,
      { scheduleId: schedule.id, scheduledAt: at, trigger: 'scheduled' },
      `job-times-${policy}`,
    );
    const after = new Date();
    const delivery = await findDelivery(database.db, result.deliveryId);
    const started = delivery?.generationStartedAt?.getTime() ?? Number.NaN;
    const finished = delivery?.generatedAt?.getTime() ?? Number.NaN;
    expect(delivery?.status).toBe(status);
    expect(before.getTime() <= started && started <= finished && finished <= after.getTime()).toBe(true);
  });

  it('drops a scheduled run of a schedule disabled after it was queued', async () => {
    const schedule = await createSchedule({ enabled: false });
    const queuedBefore = queued.length;
    expect(
      await generateReport(deps, { scheduleId: schedule.id, scheduledAt: dueAt, trigger: 'catch_up' }, 'job-off'),
    ).toEqual({ outcome: 'disabled', deliveryId: '' });
    expect(queued.length).toBe(queuedBefore);
  });

  it('fails for good when the schedule no longer exists', async () => {
    await expect(
      generateReport(deps, { scheduleId: randomUUID(), scheduledAt: dueAt, trigger: 'scheduled' }, 'job-x'),
    ).rejects.toThrow(/does not exist/);
  });
});
