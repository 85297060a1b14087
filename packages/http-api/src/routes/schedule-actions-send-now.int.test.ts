import { delivery } from '@reportmail/db';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const base = { name: 'Report', enabled: true, timezone: 'Asia/Manila', recipients: { to: ['owner@shop.example'] } };

/** Periods that run up to the press end later at each press: a second press is still the same period. */
describe('send now pressed twice for a period that ends at the press', () => {
  let fixture: ApiFixture;
  const deliveries = async () => (await fixture.database.db.select({ n: count() }).from(delivery))[0]?.n;
  const run = (id: string, body: unknown = {}) => fixture.call('admin', 'POST', `/v1/schedules/${id}/run`, body);

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '1000' });
  });
  afterAll(async () => fixture.close());
  beforeEach(async () => {
    await fixture.database.db.delete(delivery);
  });

  it.each([
    ['today up to now (to date)', { frequency: 'daily', sendTime: '18:00', periodMode: 'to_date' }],
    ['the span since the last cron run', { frequency: 'cron', cronExpression: '0 8 * * *' }],
  ])('%s: one delivery, the second press answered with the first', async (_name, timing) => {
    const created = await fixture.call('admin', 'POST', '/v1/schedules', { ...base, ...timing });
    const { id } = created.json();
    const first = await run(id);
    // A moment later: the period's end (now) has moved on, its start has not.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await run(id);
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    expect([first.headers['idempotent-replayed'], second.headers['idempotent-replayed']]).toEqual([undefined, 'true']);
    expect(second.json()).toEqual(first.json());
    expect(await deliveries()).toBe(1);
    const forced = await run(id, { force: true });
    expect([forced.statusCode, forced.headers['idempotent-replayed']]).toEqual([202, undefined]);
    expect(forced.json().deliveryId).not.toBe(first.json().deliveryId);
    expect(await deliveries()).toBe(2);
  });
});
