import { delivery } from '@reportmail/db';
import { buildReport } from '@reportmail/reports';
import { latestRunAtOrBefore, reportPeriodForRun } from '@reportmail/schedules';
import { createShopFactory, type ServiceProcess } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, createSchedule, localTime, logged, type Pipeline } from './harness.js';

const ZONE = 'Asia/Manila';
const HOUR = 3_600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms).toISOString();

/**
 * Everything down while a daily run came due an hour ago: on start the scheduler catches that run up,
 * the report worker generates it, the mail worker sends it — each a separate process.
 */
describe('a missed scheduled run, end to end', () => {
  let pipeline: Pipeline;
  let dueId: string;
  let lateId: string;
  let period: ReturnType<typeof reportPeriodForRun>;
  let firstScheduler: ServiceProcess;

  beforeAll(async () => {
    pipeline = await createPipeline();
    const now = new Date();
    const timing = {
      frequency: 'daily' as const,
      sendTime: localTime(new Date(now.getTime() - HOUR), ZONE),
      timezone: ZONE,
    };
    const slot = latestRunAtOrBefore(timing, now) as Date;
    period = reportPeriodForRun({ ...timing, periodMode: 'previous_days' }, slot);
    const shop = createShopFactory(pipeline.database.sql);
    await shop.createSale({
      invoiceNo: 'INV-E2E-1',
      customer: { name: 'Ana Cruz' },
      items: [{ product: 'Phone case', qty: 2, unitPrice: '1000.00' }],
      payments: [
        { amount: '1234.50', paidAt: at(period.start, HOUR), method: 'Cash' },
        { amount: '765.25', paidAt: at(period.start, 2 * HOUR), method: 'GCash' },
      ],
    });
    await shop.createDevice({
      ticketNumber: 'JC-E2E-1',
      totalCost: '1500.00',
      payments: [{ amount: '1500.00', paidAt: at(period.start, 3 * HOUR), method: 'Bank Transfer' }],
    });
    // Before the period: must not count.
    await shop.createSale({
      invoiceNo: 'INV-E2E-0',
      payments: [{ amount: '999.99', paidAt: at(period.start, -HOUR) }],
    });
    dueId = await createSchedule(pipeline.database, { sendTime: timing.sendTime });
    // Due 7 hours ago: outside the 6-hour catch-up window, so never sent.
    lateId = await createSchedule(pipeline.database, { sendTime: localTime(new Date(now.getTime() - 7 * HOUR), ZONE) });
  });
  afterAll(() => pipeline.close());

  it('delivers one email whose numbers match the ledger, the workbook and the engine', async () => {
    firstScheduler = pipeline.start('scheduler', { CATCH_UP_WINDOW_HOURS: '6' });
    pipeline.start('report-worker');
    const mailWorker = pipeline.start('mail-worker');
    const [mail] = await pipeline.sink.waitForMessages(1);
    await mailWorker.waitForLog(logged('report email sent'), 'the send to be recorded');

    const rows = await pipeline.database.db.select().from(delivery);
    expect(rows.map((row) => [row.scheduleId, row.trigger, row.status])).toEqual([[dueId, 'catch_up', 'sent']]);
    const [row] = rows;
    expect(row).toMatchObject({
      periodStart: period.start,
      periodEnd: period.end,
      totalRevenue: '3499.75',
      totalTransactions: 3,
      salesRevenue: '1999.75',
      repairRevenue: '1500.00',
    });
    const engine = await buildReport(pipeline.database.sql, period);
    expect(engine.totals).toMatchObject({ revenue: '3499.75', transactions: 3 });

    expect(mail?.parsed.subject).toBe(`Daily Sales Report - ${period.label}`);
    expect(mail?.parsed.messageId).toBe(row?.messageId);
    expect(mail?.parsed.html).toContain('₱3,499.75');
    expect(mail?.parsed.text).toMatch(/Total revenue\s+₱3,499\.75/);
    expect(mail?.parsed.text).toMatch(/Sales revenue\s+₱1,999\.75/);
    expect(mail?.parsed.text).toMatch(/Repair revenue\s+₱1,500\.00/);

    const [attachment, ...others] = mail?.parsed.attachments ?? [];
    expect(others).toEqual([]);
    expect(attachment?.filename).toBe(row?.attachmentFilename);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(attachment?.content as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Summary')?.getCell('B10').value).toBe(3499.75);
    expect(workbook.getWorksheet('Sales')?.getColumn(6).values.slice(2, 4)).toEqual([1234.5, 765.25]);
    expect(workbook.getWorksheet('Repairs')?.getColumn(6).values[2]).toBe(1500);
  });

  it('does not send the run again when the scheduler restarts, nor the one outside the window', async () => {
    expect(await firstScheduler.stop()).toBe(0);
    const scheduler = pipeline.start('scheduler', { CATCH_UP_WINDOW_HOURS: '6', LOG_LEVEL: 'debug' });
    await scheduler.waitForLog(logged('became the leader'), 'leadership after the restart');
    await scheduler.waitForLog(
      (line) => line.msg === 'catch-up done' || line.msg === 'schedules synced',
      'a reconcile',
    );
    expect(pipeline.sink.received).toHaveLength(1);
    expect(await pipeline.database.db.select().from(delivery).where(eq(delivery.scheduleId, lateId))).toEqual([]);
  });
});
