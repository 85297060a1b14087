import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

describe("a deleted schedule's deliveries", () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '1000' });
  });
  afterAll(async () => fixture.close());

  it('keep the name the schedule had when they were sent', async () => {
    const created = await fixture.call('admin', 'POST', '/v1/schedules', {
      name: 'Owner daily',
      frequency: 'daily',
      timezone: 'Asia/Manila',
      recipients: { to: ['owner@shop.example'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const scheduleId = created.json().id as string;
    const run = await fixture.call('admin', 'POST', `/v1/schedules/${scheduleId}/run`, {
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(run.statusCode, run.body).toBe(202);
    const { deliveryId } = run.json();
    const deleted = await fixture.call('admin', 'DELETE', `/v1/schedules/${scheduleId}`);
    expect(deleted.statusCode, deleted.body).toBe(204);

    const list = (await fixture.call('viewer', 'GET', '/v1/deliveries')).json();
    expect(list.items.map((item: Record<string, unknown>) => [item.id, item.scheduleId, item.scheduleName])).toEqual([
      [deliveryId, null, 'Owner daily'],
    ]);
    const detail = (await fixture.call('viewer', 'GET', `/v1/deliveries/${deliveryId}`)).json();
    expect([detail.scheduleId, detail.scheduleName]).toEqual([null, 'Owner daily']);
  });
});
