import { delivery } from '@reportmail/db';
import { count } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const daily = {
  name: 'Daily sales',
  enabled: true,
  frequency: 'daily',
  sendTime: '09:00',
  timezone: 'Asia/Manila',
  recipients: { to: ['owner@shop.example'] },
};
const MARCH_2 = { from: '2026-03-02', to: '2026-03-02' };

/** Switching on and off, and pressing "send" more than once: what the owner sees and what gets sent. */
describe('schedules switched on and off, sends pressed twice', () => {
  let fixture: ApiFixture;
  let id: string;
  const deliveries = async () => (await fixture.database.db.select({ n: count() }).from(delivery))[0]?.n;
  const send = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    fixture.app.inject({
      method: 'POST',
      url,
      payload: payload as InjectOptions['payload'],
      headers: { authorization: `Bearer ${fixture.admin.token}`, ...headers },
    });

  beforeAll(async () => {
    fixture = await createApiFixture({ SENDS_PER_MINUTE: '1000' });
  });
  afterAll(async () => fixture.close());
  beforeEach(async () => {
    await fixture.database.db.delete(delivery);
    const reply = await fixture.call('admin', 'POST', '/v1/schedules', daily);
    id = reply.json().id;
  });

  it('answers a switch with the next run that is true after it (null when off)', async () => {
    const before = Date.now();
    const off = await fixture.call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: false });
    expect([off.statusCode, off.json().nextRunAt]).toEqual([200, null]);
    const on = await fixture.call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: true });
    const next = new Date(on.json().nextRunAt);
    // 09:00 in Manila is 01:00 UTC, within the next 24 hours.
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 0]);
    expect(next.getTime() - before).toBeGreaterThan(0);
    expect(next.getTime() - before).toBeLessThanOrEqual(24 * 3_600_000);
    expect((await fixture.call('viewer', 'GET', `/v1/schedules/${id}`)).json().nextRunAt).toBe(on.json().nextRunAt);
  });

  it('says a schedule that is off sends nothing, instead of listing sends', async () => {
    await fixture.call('admin', 'PATCH', `/v1/schedules/${id}`, { enabled: false });
    const reply = await fixture.call('viewer', 'GET', `/v1/schedules/${id}/next-runs`);
    expect(reply.json()).toEqual({
      enabled: false,
      runs: [],
      note: 'The schedule is off: it sends nothing until it is switched on (PATCH {"enabled": true})',
    });
  });

  it('makes one delivery of "send now" pressed twice for the same period, unless force is set', async () => {
    const first = await send(`/v1/schedules/${id}/run`, MARCH_2);
    const second = await send(`/v1/schedules/${id}/run`, MARCH_2);
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    expect(second.json()).toEqual(first.json());
    expect([first.headers['idempotent-replayed'], second.headers['idempotent-replayed']]).toEqual([undefined, 'true']);
    expect(await deliveries()).toBe(1);
    const other = await send(`/v1/schedules/${id}/run`, { from: '2026-03-01', to: '2026-03-01' });
    const forced = await send(`/v1/schedules/${id}/run`, { ...MARCH_2, force: true });
    expect(new Set([first.json().deliveryId, other.json().deliveryId, forced.json().deliveryId]).size).toBe(3);
    expect(await deliveries()).toBe(3);
  });

  it('makes one delivery of two presses at the same instant', async () => {
    const replies = await Promise.all([
      send(`/v1/schedules/${id}/run`, MARCH_2),
      send(`/v1/schedules/${id}/run`, MARCH_2),
    ]);
    const statuses = replies.map((reply) => reply.statusCode).sort();
    // The second either waits for nothing (409: queued right now) or repeats the first answer.
    expect([
      [202, 202],
      [202, 409],
    ]).toContainEqual(statuses);
    expect(await deliveries()).toBe(1);
  });

  it('honours an Idempotency-Key on every send route: same key, same answer, nothing sent twice', async () => {
    const key = { 'idempotency-key': 'c0ffee00-0000-4000-8000-000000000001' };
    const forced = { ...MARCH_2, force: true };
    const runs = [
      await send(`/v1/schedules/${id}/run`, forced, key),
      await send(`/v1/schedules/${id}/run`, forced, key),
    ];
    expect(runs[1]?.json()).toEqual(runs[0]?.json());
    const testKey = { 'idempotency-key': 'test-1' };
    const tests = [
      await send(`/v1/schedules/${id}/test`, { to: 'me@shop.example' }, testKey),
      await send(`/v1/schedules/${id}/test`, { to: 'me@shop.example' }, testKey),
    ];
    expect(tests[1]?.json()).toEqual(tests[0]?.json());
    const resendKey = { 'idempotency-key': 'resend-1' };
    const resendUrl = `/v1/deliveries/${runs[0]?.json().deliveryId}/resend`;
    const resends = [await send(resendUrl, undefined, resendKey), await send(resendUrl, undefined, resendKey)];
    expect(resends[1]?.json()).toEqual(resends[0]?.json());
    expect([...runs, ...tests, ...resends].map((reply) => reply.headers['idempotent-replayed'] ?? '-')).toEqual([
      '-',
      'true',
      '-',
      'true',
      '-',
      'true',
    ]);
    expect(await deliveries()).toBe(3);
  });

  it('refuses a key reused for another request, and a key that is not printable text', async () => {
    const key = { 'idempotency-key': 'same-key' };
    expect((await send(`/v1/schedules/${id}/run`, MARCH_2, key)).statusCode).toBe(202);
    const reused = await send(`/v1/schedules/${id}/run`, { from: '2026-03-01', to: '2026-03-01' }, key);
    expect([reused.statusCode, reused.json().message]).toEqual([
      409,
      'This Idempotency-Key was already used for another request: use a new key for a new send',
    ]);
    const bad = await send(`/v1/schedules/${id}/run`, MARCH_2, { 'idempotency-key': 'x'.repeat(256) });
    expect([bad.statusCode, bad.json().details[0].field]).toEqual([400, 'headers.idempotency-key']);
    expect(await deliveries()).toBe(1);
  });
});
