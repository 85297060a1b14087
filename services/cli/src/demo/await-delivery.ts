import { setTimeout as delay } from 'node:timers/promises';
import type { Db } from '@reportmail/db';
import { type Delivery, findDelivery } from '@reportmail/ledger';

const FINAL: Delivery['status'][] = ['sent', 'failed', 'unknown', 'skipped'];

/**
 * Follows a delivery through the ledger until it is final, saying each status once: the workers run in
 * other processes, and the ledger is what they all write to.
 */
export async function awaitFinalDelivery(
  db: Db,
  deliveryId: string,
  options: { timeoutMs: number; onStatus: (status: Delivery['status']) => void },
): Promise<Delivery> {
  const deadline = Date.now() + options.timeoutMs;
  let said: Delivery['status'] | undefined;
  for (;;) {
    const row = await findDelivery(db, deliveryId);
    if (!row) throw new Error(`delivery ${deliveryId} disappeared`);
    if (row.status !== said) options.onStatus(row.status);
    said = row.status;
    if (FINAL.includes(row.status)) return row;
    if (Date.now() > deadline) {
      throw new Error(`delivery ${deliveryId} is still "${row.status}" after ${options.timeoutMs / 1000} s`);
    }
    await delay(200);
  }
}
