import { delivery, deliveryArtifact, reportSchedule } from '@reportmail/db';
import { reportEmailData } from '@reportmail/emails';
import { findDelivery } from '@reportmail/ledger';
import { createLogger } from '@reportmail/logger';
import { createShopFactory, createTestDatabase, type TestDatabase } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerateReportDeps, generateReport } from './generate-report.js';

/** Due at 09:00 Manila on `day`: reports the day before. */
const dueOn = (day: string) => `${day}T01:00:00.000Z`;

describe('changes to earlier reports', () => {
  let database: TestDatabase;
  let deps: GenerateReportDeps;
  let scheduleId: string;

  const run = async (day: string) => {
    const result = await generateReport(deps, { scheduleId, scheduledAt: dueOn(day), trigger: 'scheduled' }, day);
    const row = await findDelivery(database.db, result.deliveryId);
    return { id: result.deliveryId, email: reportEmailData.parse(row?.emailContent) };
  };
  const markSent = (id: string, at: string) =>
    database.db
      .update(delivery)
      .set({ status: 'sent', sentAt: new Date(at) })
      .where(eq(delivery.id, id));
  const sheetRows = async (id: string, name: string) => {
    const [artifact] = await database.db.select().from(deliveryArtifact).where(eq(deliveryArtifact.deliveryId, id));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(artifact?.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(name);
    if (!sheet) return null;
    const rows: unknown[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (v as { result?: number })?.result ?? v)),
    );
    return rows;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const shop = createShopFactory(database.sql);
    // Mar 2 (Manila): 1,000.00 + 200.00 on paid sales and 700.00 on an archived ticket count: 1,900.00.
    // A 300.00 payment on a sale claimed on credit and a 500.00 deposit on an open ticket do not.
    await shop.createSale({ invoiceNo: 'INV-1', payments: [{ amount: '1000.00', paidAt: '2026-03-02T02:00:00Z' }] });
    await shop.createSale({
      invoiceNo: 'INV-2',
      claimedOnCredit: true,
      customer: { name: 'Ana Cruz' },
      payments: [{ amount: '300.00', paidAt: '2026-03-02T03:00:00Z', method: 'GCash' }],
    });
    await shop.createSale({ invoiceNo: 'INV-3', payments: [{ amount: '200.00', paidAt: '2026-03-02T04:00:00Z' }] });
    await shop.createDevice({
      ticketNumber: 'JC-1',
      isArchived: false,
      customer: { name: 'Ben Reyes' },
      payments: [{ amount: '500.00', paidAt: '2026-03-02T05:00:00Z' }],
    });
    await shop.createDevice({
      ticketNumber: 'JC-2',
      customer: { name: 'Carla Diaz' },
      payments: [{ amount: '700.00', paidAt: '2026-03-02T06:00:00Z', method: 'Card' }],
    });
    const [schedule] = await database.db
      .insert(reportSchedule)
      .values({
        name: 'Daily',
        enabled: true,
        frequency: 'daily',
        sendTime: '09:00',
        timezone: 'Asia/Manila',
        recipientsTo: ['owner@shop.example'],
      })
      .returning();
    scheduleId = schedule?.id as string;
    deps = {
      database,
      logger: createLogger({ service: 'test', level: 'silent' }),
      currency: { symbol: '₱', locale: 'en-PH' },
      attachmentLimitBytes: 10 * 1024 * 1024,
      enqueueSendEmail: async () => {},
      enqueueWebhookDelivery: async () => {},
    };
  });
  afterAll(() => database.drop());

  it('lists a late deposit, a cleared credit, a voided sale and a waived repair once, with their reasons', async () => {
    const first = await run('2026-03-03');
    expect(first.email.kpis[0]?.value).toBe('₱1,900.00');
    expect(first.email.changes).toEqual([]);
    await markSent(first.id, '2026-03-03T01:00:05Z');

    // After the Mar 2 report went out: the ticket is archived, the credit cleared, INV-3 voided, JC-2 waived.
    await database.sql`update device set is_archived = true where ticket_number = 'JC-1'`;
    await database.sql`update sale set claimed_on_credit = false where invoice_no = 'INV-2'`;
    await database.sql`update sale set status = 'VOID' where invoice_no = 'INV-3'`;
    await database.sql`update device set charge_waived = true where ticket_number = 'JC-2'`;

    const second = await run('2026-03-04');
    expect(second.email.changes).toEqual([
      {
        key: '2026-03-01T16:00:00.000Z',
        period: 'Mar 2, 2026',
        sent: 'Mar 3, 2026, 09:00',
        sentTotal: '₱1,900.00',
        totalNow: '₱1,800.00',
        difference: '-₱100.00',
        payments: [
          {
            key: 'sale-2',
            change: '+₱300.00',
            payment: 'Sale INV-2',
            customer: 'Ana Cruz',
            method: 'GCash',
            when: '2026-03-02 11:00',
            reason: 'credit cleared',
          },
          {
            key: 'sale-3',
            change: '-₱200.00',
            payment: 'Sale INV-3',
            customer: 'Walk-in',
            method: 'Cash',
            when: '2026-03-02 12:00',
            reason: 'sale voided',
          },
          {
            key: 'repair-1',
            change: '+₱500.00',
            payment: 'Repair JC-1',
            customer: 'Ben Reyes',
            method: 'Cash',
            when: '2026-03-02 13:00',
            reason: 'ticket archived',
          },
          {
            key: 'repair-2',
            change: '-₱700.00',
            payment: 'Repair JC-2',
            customer: 'Carla Diaz',
            method: 'Card',
            when: '2026-03-02 14:00',
            reason: 'repair waived',
          },
        ],
      },
    ]);
    expect(await sheetRows(second.id, 'Adjustments')).toEqual([
      [
        'Report',
        'Sent',
        'Payment',
        'Customer',
        'Payment Method',
        'Paid At',
        'Change',
        'Reason',
        'Sent Total',
        'Total Now',
      ],
      [
        'Mar 2, 2026',
        '2026-03-03 09:00',
        'Sale INV-2',
        'Ana Cruz',
        'GCash',
        '2026-03-02 11:00',
        300,
        'credit cleared',
        1900,
        1800,
      ],
      [
        'Mar 2, 2026',
        '2026-03-03 09:00',
        'Sale INV-3',
        'Walk-in',
        'Cash',
        '2026-03-02 12:00',
        -200,
        'sale voided',
        1900,
        1800,
      ],
      [
        'Mar 2, 2026',
        '2026-03-03 09:00',
        'Repair JC-1',
        'Ben Reyes',
        'Cash',
        '2026-03-02 13:00',
        500,
        'ticket archived',
        1900,
        1800,
      ],
      [
        'Mar 2, 2026',
        '2026-03-03 09:00',
        'Repair JC-2',
        'Carla Diaz',
        'Card',
        '2026-03-02 14:00',
        -700,
        'repair waived',
        1900,
        1800,
      ],
      ['TOTAL', undefined, undefined, undefined, undefined, undefined, -100],
    ]);
    await markSent(second.id, '2026-03-04T01:00:05Z');

    // The Mar 3 email told the owner: the next report has nothing more to say, and no Adjustments sheet.
    const third = await run('2026-03-05');
    expect(third.email.changes).toEqual([]);
    expect(await sheetRows(third.id, 'Adjustments')).toBeNull();
  });

  it('keeps listing a change while the report that carried it was never sent', async () => {
    await database.sql`update sale set status = 'PAID' where invoice_no = 'INV-3'`;
    const unsent = await run('2026-03-06');
    expect(unsent.email.changes.map((change) => [change.period, change.difference])).toEqual([
      ['Mar 2, 2026', '+₱200.00'],
    ]);
    // Not marked sent (it failed): the next report still owes the owner that change.
    const next = await run('2026-03-07');
    expect(next.email.changes.map((change) => [change.period, change.payments[0]?.reason])).toEqual([
      ['Mar 2, 2026', 'sale no longer void'],
    ]);
  });

  it('looks back 31 days: a report sent before that is no longer compared', async () => {
    // The Mar 2 change above is still owed, but its reports went out Mar 3 and 4, over 31 days before Apr 11.
    const late = await run('2026-04-11');
    expect(late.email.changes).toEqual([]);
  });
});
