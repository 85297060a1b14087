import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../schedules/periods.js';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const base = { name: 'Report', enabled: true, recipients: { to: ['owner@shop.example'] } };

describe('schedules as people say them', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(async () => fixture.close());

  it('runs weekly on the weekday it is given, and shows it', async () => {
    const body = { ...base, frequency: 'weekly', weekday: 'wednesday', sendTime: '18:30', timezone: 'Asia/Manila' };
    const created = await fixture.call('admin', 'POST', '/v1/schedules', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ frequency: 'weekly', weekday: 'wednesday', anchorDate: null });
    const { id } = created.json();
    const runs = await fixture.call(
      'viewer',
      'GET',
      `/v1/schedules/${id}/next-runs?count=2&after=2026-03-02T00:00:00Z`,
    );
    expect(runs.json().runs.map((run: { local: string }) => run.local)).toEqual([
      '2026-03-04 18:30',
      '2026-03-11 18:30',
    ]);
    expect((await fixture.call('viewer', 'GET', `/v1/schedules/${id}`)).json().weekday).toBe('wednesday');
  });

  // Kiritimati is UTC+14: for ten hours of every UTC day its date is already the next one.
  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'counts every_3_days from today in the schedule zone (%s) when the anchor is left out',
    async (timezone) => {
      const body = { ...base, frequency: 'every_3_days', timezone };
      const today = () => localDateTime(new Date(), timezone).slice(0, 10);
      const before = today();
      const created = await fixture.call('admin', 'POST', '/v1/schedules', body);
      expect(created.statusCode, created.body).toBe(201);
      // The request may straddle the zone's midnight: the day it ran is one of the two.
      expect([before, today()]).toContain(created.json().anchorDate);
      const { id } = created.json();
      const replaced = await fixture.call('admin', 'PUT', `/v1/schedules/${id}`, { ...body, anchorDate: '2026-03-02' });
      expect(replaced.json().anchorDate).toBe('2026-03-02');
    },
  );
});
