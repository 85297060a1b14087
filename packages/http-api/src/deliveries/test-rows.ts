import { createHash } from 'node:crypto';
import { type Db, delivery, deliveryArtifact, reportSchedule } from '@reportmail/db';
import type { ReportEmailData } from '@reportmail/emails';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Mar 2, 2026 in Manila as the ledger stores it. */
export const MARCH_2 = {
  periodStart: new Date('2026-03-01T16:00:00.000Z'),
  periodEnd: new Date('2026-03-02T16:00:00.000Z'),
  timezone: 'Asia/Manila',
};

/** What the email of that day showed: ₱3,499.75 from 3 payments (2 sales, 1 repair). */
export const MARCH_2_EMAIL: ReportEmailData = {
  subject: 'Daily Sales Report - Mar 2, 2026',
  title: 'Daily Sales Report',
  periodLabel: 'Mar 2, 2026',
  timezone: 'Asia/Manila',
  kpis: [
    { label: 'Total revenue', value: '₱3,499.75', detail: 'payments received' },
    { label: 'Transactions', value: '3', detail: 'payments counted' },
    { label: 'Sales revenue', value: '₱1,999.75', detail: '2 payments' },
    { label: 'Repair revenue', value: '₱1,500.00', detail: '1 payment' },
    { label: 'Change vs previous period', value: '+₱2,999.75 (+599.95%)', detail: 'Mar 1, 2026: ₱500.00' },
  ],
  breakdown: [
    { method: 'Cash', count: '2', total: '₱2,499.75', sales: '₱999.75', repairs: '₱1,500.00' },
    { method: 'GCash', count: '1', total: '₱1,000.00', sales: '₱1,000.00', repairs: '₱0.00' },
  ],
  breakdownTotal: { count: '3', total: '₱3,499.75', sales: '₱1,999.75', repairs: '₱1,500.00' },
  largest: [
    {
      key: 'repair-7',
      when: '2026-03-02 15:10',
      reference: 'RT-0007',
      customer: 'Ben Reyes',
      kind: 'Repair',
      method: 'Cash',
      amount: '₱1,500.00',
    },
  ],
  notes: [],
  generatedAt: 'Mar 3, 2026, 09:00',
  trend: null,
  changes: [],
};

export async function insertSchedule(db: Db, name: string): Promise<string> {
  const [row] = await db
    .insert(reportSchedule)
    .values({ name, frequency: 'daily', recipientsTo: ['owner@shop.example'] })
    .returning({ id: reportSchedule.id });
  return row?.id as string;
}

/** A ledger row as the workers leave it (sent by default); `values` override anything. */
export async function insertDelivery(db: Db, values: Partial<typeof delivery.$inferInsert>): Promise<string> {
  const [row] = await db
    .insert(delivery)
    .values({
      trigger: 'scheduled',
      reportType: 'daily_sales',
      ...MARCH_2,
      status: 'sent',
      recipients: { to: ['owner@shop.example'], cc: ['books@shop.example'], bcc: [] },
      ...values,
    })
    .returning({ id: delivery.id });
  return row?.id as string;
}

/** Stores a workbook for a delivery; returns its bytes. */
export async function insertArtifact(db: Db, deliveryId: string, filename: string): Promise<Buffer> {
  const content = Buffer.from(`PK\u0003\u0004 workbook of ${deliveryId} \u00ff\u0000\u0001`, 'latin1');
  await db.insert(deliveryArtifact).values({
    deliveryId,
    filename,
    contentType: XLSX,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
  });
  return content;
}
