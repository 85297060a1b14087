import type { Sql } from 'postgres';

/**
 * The schedule `pnpm demo` saves; finding it is how the demo, its clean-up and the console's first-run
 * checklist know that the shop data is the demo's.
 */
export const DEMO_SCHEDULE_NAME = 'Demo: daily revenue report';

/** The shop's own tables (the old system's data), children before parents. */
export const SHOP_TABLES = ['repair_payment', 'device', 'sale_payment', 'sale_item', 'sale', 'product', 'customer'];

export type DemoRows = { scheduleFound: boolean; deliveries: { id: string; outboxPath: string | null }[] };

/**
 * Deletes, in one transaction, the demo schedule, its deliveries (their workbooks go with them) and the
 * shop data: the demo seeds only an empty shop or its own (assertShopIsDemoOrEmpty), so while its
 * schedule exists the shop rows are the demo's. Without the schedule nothing is the demo's to delete.
 */
export async function deleteDemoRows(sql: Sql): Promise<DemoRows> {
  const [migrated] = await sql<{ ok: boolean }[]>`select to_regclass('reportmail.report_schedule') is not null as ok`;
  if (!migrated?.ok) return { scheduleFound: false, deliveries: [] };
  return sql.begin(async (tx) => {
    const schedules = await tx<{ id: string }[]>`
      select id from reportmail.report_schedule where name = ${DEMO_SCHEDULE_NAME} for update`;
    if (schedules.length === 0) return { scheduleFound: false, deliveries: [] };
    const ids = schedules.map((row) => row.id);
    const deliveries = await tx<{ id: string; outboxPath: string | null }[]>`
      delete from reportmail.delivery where schedule_id in ${tx(ids)} returning id, outbox_path as "outboxPath"`;
    await tx`delete from reportmail.report_schedule where id in ${tx(ids)}`;
    await tx`truncate ${tx(SHOP_TABLES)} restart identity`;
    return { scheduleFound: true, deliveries };
  });
}
