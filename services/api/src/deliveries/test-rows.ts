import { createHash } from 'node:crypto';
import { type Db, delivery, deliveryArtifact, reportSchedule } from '@reportmail/db';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Mar 2, 2026 in Manila as the ledger stores it. */
export const MARCH_2 = {
  periodStart: new Date('2026-03-01T16:00:00.000Z'),
  periodEnd: new Date('2026-03-02T16:00:00.000Z'),
  timezone: 'Asia/Manila',
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
