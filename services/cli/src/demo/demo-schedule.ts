import { type Db, DEMO_SCHEDULE_NAME, reportSchedule } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { eq } from 'drizzle-orm';
import type { Sql } from 'postgres';
import { shopHoldsData } from '../seed/loader.js';

export { DEMO_SCHEDULE_NAME };
/** `.example` is reserved: with real SMTP configured, pass `--to` to get the demo email yourself. */
export const DEMO_RECIPIENT = 'owner@shop.example';

export type DemoSchedule = { id: string; frequency: 'daily'; timezone: string; recipient: string };

async function findDemoSchedule(db: Db) {
  const [row] = await db.select().from(reportSchedule).where(eq(reportSchedule.name, DEMO_SCHEDULE_NAME));
  return row;
}

/**
 * The demo replaces the shop tables: allowed on an empty shop or one the demo seeded before, never over
 * real data (a shop imported from the old system, say).
 */
export async function assertShopIsDemoOrEmpty(db: Db, sql: Sql): Promise<void> {
  if ((await findDemoSchedule(db)) || !(await shopHoldsData(sql))) return;
  throw new AppError(
    'CONFLICT',
    'This database already holds shop data that the demo did not make, and the demo would replace it. ' +
      'Give it a database of its own: pnpm demo --database reportmail_demo_2 (a name on the same server, or a URL)',
  );
}

/**
 * Creates the demo schedule (daily at 09:00, previous day) or brings it back to that shape, switched off
 * either way: the demo sends its one report by hand, and a schedule left on would send again every
 * morning, over real SMTP once an admin configures it.
 */
export async function upsertDemoSchedule(
  db: Db,
  settings: { timezone: string; recipient: string; now: Date },
): Promise<DemoSchedule> {
  const { timezone, recipient, now } = settings;
  const values = {
    name: DEMO_SCHEDULE_NAME,
    enabled: false,
    nextRunAt: null,
    frequency: 'daily' as const,
    sendTime: '09:00',
    timezone,
    periodMode: 'previous_days' as const,
    recipientsTo: [recipient],
    recipientsCc: [],
    recipientsBcc: [],
    emptyPeriodPolicy: 'send' as const,
    updatedAt: now,
  };
  const existing = await findDemoSchedule(db);
  if (existing) {
    await db.update(reportSchedule).set(values).where(eq(reportSchedule.id, existing.id));
    return { id: existing.id, frequency: 'daily', timezone, recipient };
  }
  const [created] = await db.insert(reportSchedule).values(values).returning({ id: reportSchedule.id });
  return { id: (created as { id: string }).id, frequency: 'daily', timezone, recipient };
}
