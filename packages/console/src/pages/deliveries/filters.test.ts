import { describe, expect, it } from 'vitest';
import { apiQueryOf, filtersFromParams, hasFilters, paramsFromFilters, startOfLocalDay } from './filters';

const SCHEDULE = '736cec08-c9df-4ba1-b338-1d6a39cba1f8';

describe('startOfLocalDay', () => {
  it.each([
    ['2026-03-02', 'Asia/Manila', '2026-03-01T16:00:00.000Z'],
    ['2026-03-02', 'UTC', '2026-03-02T00:00:00.000Z'],
    ['2026-12-02', 'America/New_York', '2026-12-02T05:00:00.000Z'],
    // DST days: Berlin changes at 02:00, so midnight still has the winter (spring) or summer (autumn) offset.
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', 'Europe/Berlin', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', 'Europe/Berlin', '2026-10-24T22:00:00.000Z'],
    ['2026-10-26', 'Europe/Berlin', '2026-10-25T23:00:00.000Z'],
    ['2026-01-01', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z'],
  ])('%s in %s starts at %s', (date, zone, instant) => {
    expect(startOfLocalDay(date, zone)).toBe(instant);
  });
});

describe('the log filters in the URL', () => {
  it.each([
    ['', { page: 1 }],
    [
      `status=failed&schedule=${SCHEDULE}&trigger=manual&channel=slack&transport=outbox&from=2026-03-01&to=2026-03-07&page=3`,
      {
        status: 'failed',
        schedule: SCHEDULE,
        trigger: 'manual',
        channel: 'slack',
        transport: 'outbox',
        from: '2026-03-01',
        to: '2026-03-07',
        page: 3,
      },
    ],
    // Values an edited bookmark may carry are left out rather than sent to the API.
    ['status=delivered&schedule=42&trigger=cron&channel=sms&transport=fax&from=March&to=2026-3-7&page=-2', { page: 1 }],
    ['channel=webhook', { channel: 'webhook', page: 1 }],
    ['page=2.5', { page: 1 }],
  ])('?%s → %j', (search, filters) => {
    expect(filtersFromParams(new URLSearchParams(search))).toEqual({
      status: undefined,
      schedule: undefined,
      trigger: undefined,
      channel: undefined,
      transport: undefined,
      from: undefined,
      to: undefined,
      ...filters,
    });
  });

  it('writes back only what is set, page 1 left out', () => {
    expect(paramsFromFilters({ status: 'sent', from: '2026-03-01', page: 1 }).toString()).toBe(
      'status=sent&from=2026-03-01',
    );
    expect(paramsFromFilters({ trigger: 'test', page: 4 }).toString()).toBe('trigger=test&page=4');
    expect(paramsFromFilters({ channel: 'email', status: 'failed', page: 1 }).toString()).toBe(
      'status=failed&channel=email',
    );
    expect([hasFilters({ page: 3 }), hasFilters({ to: '2026-03-07', page: 1 })]).toEqual([false, true]);
    expect(hasFilters({ channel: 'slack', page: 1 })).toBe(true);
  });

  it('asks the API for whole local days in the zone given, `to` through the end of its day', () => {
    const filters = {
      status: 'sent' as const,
      schedule: SCHEDULE,
      channel: 'webhook' as const,
      from: '2026-03-01',
      to: '2026-03-07',
      page: 2,
    };
    expect(apiQueryOf(filters, 'Asia/Manila')).toEqual({
      page: 2,
      pageSize: 20,
      status: 'sent',
      scheduleId: SCHEDULE,
      trigger: undefined,
      channel: 'webhook',
      transport: undefined,
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-07T16:00:00.000Z',
    });
  });
});
