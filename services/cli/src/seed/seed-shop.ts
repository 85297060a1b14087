import type { Sql } from 'postgres';
import {
  CHUNK_PAYMENTS,
  createSeedClock,
  generateCatalog,
  generateSaleChunk,
  type SeedPlan,
  seedLayout,
} from './generator.js';
import { copyBatch, finishLoad } from './loader.js';
import { generateRepairChunk } from './repairs.js';

/**
 * Loads a deterministic shop (same plan → same rows) into empty shop tables, chunk by chunk, so memory
 * stays small whatever the number of payments. `onProgress` receives payments written so far.
 */
export async function seedShop(sql: Sql, plan: SeedPlan, onProgress: (payments: number) => void): Promise<void> {
  const layout = seedLayout(plan);
  const clock = createSeedClock(plan);
  for (const batch of generateCatalog(plan, layout)) await copyBatch(sql, batch);
  let written = 0;
  for (let chunk = 0; chunk * CHUNK_PAYMENTS < layout.salePayments; chunk += 1) {
    for (const batch of generateSaleChunk(plan, clock, layout, chunk)) await copyBatch(sql, batch);
    written += Math.min(CHUNK_PAYMENTS, layout.salePayments - chunk * CHUNK_PAYMENTS);
    onProgress(written);
  }
  for (let chunk = 0; chunk * CHUNK_PAYMENTS < layout.repairPayments; chunk += 1) {
    for (const batch of generateRepairChunk(plan, clock, layout, chunk)) await copyBatch(sql, batch);
    written += Math.min(CHUNK_PAYMENTS, layout.repairPayments - chunk * CHUNK_PAYMENTS);
    onProgress(written);
  }
  await finishLoad(sql);
}
