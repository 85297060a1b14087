import { describe, expect, it } from 'vitest';
import { weekSoFar } from './overview.js';

describe('weekSoFar', () => {
  it.each([
    // Wednesday 2 Dec 2026, 21:38 in Manila, still 13:38 that Wednesday in UTC.
    ['2026-12-02T13:38:00Z', 'Asia/Manila', { from: '2026-11-30', to: '2026-12-02' }],
    // Monday: the week is that one day.
    ['2026-11-30T00:30:00Z', 'Asia/Manila', { from: '2026-11-30', to: '2026-11-30' }],
    // Still Sunday in New York while Monday in Manila: the zone decides the day, and so the week.
    ['2026-11-30T02:00:00Z', 'America/New_York', { from: '2026-11-23', to: '2026-11-29' }],
    ['2026-11-30T02:00:00Z', 'Asia/Manila', { from: '2026-11-30', to: '2026-11-30' }],
    // Across a month and a year.
    ['2027-01-01T12:00:00Z', 'UTC', { from: '2026-12-28', to: '2027-01-01' }],
  ])('%s in %s → %j', (now, zone, week) => {
    expect(weekSoFar(new Date(now), zone)).toEqual(week);
  });
});
