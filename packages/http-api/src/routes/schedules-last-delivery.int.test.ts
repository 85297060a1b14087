import { delivery, reportSchedule } from '@reportmail/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const base = { enabled: true, frequency: 'daily', timezone: 'Asia/Manila', recipients: { to: ['owner@shop.example'] } };

describe('a schedule’s newest delivery, on every schedule reply', () => {
  let fixture: ApiFixture;
  const create = async (name: string) => {
    const reply = await fixture.call('admin', 'POST', '/v1/schedules', { ...base, name });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json().id as string;
  };
  const deliveryRow = async (
    scheduleId: string,
    trigger: 'scheduled' | 'catch_up' | 'manual' | 'test',
    status: 'pending' | 'sent' | 'failed',
    createdAt: string,
  ) => {
    const [row] = await fixture.database.db
      .insert(delivery)
      .values({
        scheduleId,
        trigger,
        status,
        reportType: 'daily_sales',
        periodStart: new Date(createdAt),
        periodEnd: new Date(Date.parse(createdAt) + 60_000),
        timezone: 'Asia/Manila',
        createdAt: new Date(createdAt),
      })
      .returning();
    return row?.id as string;
  };

  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture.close());

  it('is null before the first, then the newest row whatever started it; the same in the list and alone', async () => {
    await fixture.database.db.delete(reportSchedule);
    const [alpha, bravo, charlie] = [await create('Alpha'), await create('Bravo'), await create('Charlie')];
    await deliveryRow(alpha, 'scheduled', 'sent', '2026-03-02T01:00:00Z');
    const alphaTest = await deliveryRow(alpha, 'test', 'failed', '2026-03-02T03:00:00Z');
    await deliveryRow(alpha, 'manual', 'sent', '2026-03-02T02:00:00Z');
    const bravoRun = await deliveryRow(bravo, 'manual', 'pending', '2026-03-01T00:00:00Z');
    const expected = {
      [alpha]: { id: alphaTest, status: 'failed', trigger: 'test', createdAt: '2026-03-02T03:00:00.000Z' },
      [bravo]: { id: bravoRun, status: 'pending', trigger: 'manual', createdAt: '2026-03-01T00:00:00.000Z' },
      [charlie]: null,
    };

    const list = await fixture.call('viewer', 'GET', '/v1/schedules');
    expect(
      list.json().items.map((item: { name: string; lastDelivery: unknown }) => [item.name, item.lastDelivery]),
    ).toEqual([
      ['Alpha', expected[alpha]],
      ['Bravo', expected[bravo]],
      ['Charlie', null],
    ]);
    for (const id of [alpha, bravo, charlie]) {
      expect((await fixture.call('viewer', 'GET', `/v1/schedules/${id}`)).json().lastDelivery).toEqual(expected[id]);
    }
    const switched = await fixture.call('admin', 'PATCH', `/v1/schedules/${alpha}`, { enabled: false });
    expect(switched.json().lastDelivery).toEqual(expected[alpha]);
    const replaced = await fixture.call('admin', 'PUT', `/v1/schedules/${bravo}`, { ...base, name: 'Bravo 2' });
    expect([replaced.json().name, replaced.json().lastDelivery]).toEqual(['Bravo 2', expected[bravo]]);
  });
});
