import { auditLog, DEMO_SCHEDULE_NAME, delivery, reportSchedule } from '@reportmail/db';
import { createShopFactory } from '@reportmail/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDelivery, insertSchedule, MARCH_2 } from '../deliveries/test-rows.js';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

describe('DELETE /v1/demo-data', () => {
  let fixture: ApiFixture;
  const shopRows = async () => {
    const [row] = await fixture.database.sql<{ n: number }[]>`
      select (select count(*) from sale)::int + (select count(*) from sale_payment)::int
           + (select count(*) from device)::int + (select count(*) from repair_payment)::int as n`;
    return row?.n ?? -1;
  };

  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('answers 404 and deletes nothing while no demo schedule exists (the shop data is not the demo’s)', async () => {
    await createShopFactory(fixture.database.sql).createSale({
      payments: [{ amount: '100.00', paidAt: '2026-03-02T10:00:00+08:00' }],
    });
    const reply = await fixture.call('admin', 'DELETE', '/v1/demo-data');
    expect([reply.statusCode, reply.json()]).toEqual([
      404,
      { error: 'NOT_FOUND', message: 'There is no demo data in this database', details: [] },
    ]);
    expect(await shopRows()).toBe(2);
  });

  it('is for admins only', async () => {
    const reply = await fixture.call('viewer', 'DELETE', '/v1/demo-data');
    expect(reply.statusCode).toBe(403);
  });

  it('deletes the demo schedule, its deliveries and the shop data, lists the outbox files, audits it', async () => {
    const demoId = await insertSchedule(fixture.database.db, DEMO_SCHEDULE_NAME);
    const otherId = await insertSchedule(fixture.database.db, 'Real schedule');
    await insertDelivery(fixture.database.db, { ...MARCH_2, scheduleId: demoId, outboxPath: '/var/outbox/a.eml' });
    await insertDelivery(fixture.database.db, { ...MARCH_2, scheduleId: demoId, trigger: 'manual' });
    const kept = await insertDelivery(fixture.database.db, { ...MARCH_2, scheduleId: otherId });

    const reply = await fixture.call('admin', 'DELETE', '/v1/demo-data');
    expect([reply.statusCode, reply.json()]).toEqual([200, { deliveries: 2, outboxFiles: ['/var/outbox/a.eml'] }]);
    const schedules = await fixture.database.db.select({ name: reportSchedule.name }).from(reportSchedule);
    expect(schedules).toEqual([{ name: 'Real schedule' }]);
    const deliveries = await fixture.database.db.select({ id: delivery.id }).from(delivery);
    expect(deliveries).toEqual([{ id: kept }]);
    expect(await shopRows()).toBe(0);
    const audit = await fixture.database.db.select().from(auditLog).where(eq(auditLog.action, 'demo.remove'));
    expect(audit.map(({ actorId, target, details }) => ({ actorId, target, details }))).toEqual([
      { actorId: fixture.admin.id, target: 'demo', details: { deliveries: 2 } },
    ]);
    expect((await fixture.call('admin', 'DELETE', '/v1/demo-data')).statusCode).toBe(404);
  });
});
