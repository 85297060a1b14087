import { describe, expect, it } from 'vitest';
import {
  computeReportPeriod,
  type Frequency,
  type PeriodMode,
  periodBetween,
  periodFromLocalDates,
  periodFromRange,
  previousPeriod,
  workbookFilename,
} from './period.js';

type Row = [string, Frequency, PeriodMode, string, string, string, string, string];

describe('computeReportPeriod', () => {
  // zone, frequency, mode, scheduled instant → start, end, label, hours
  const table: Row[] = [
    [
      'Asia/Manila',
      'daily',
      'previous_days',
      '2026-02-26T01:00:00Z',
      '2026-02-24T16:00:00.000Z',
      '2026-02-25T16:00:00.000Z',
      'Feb 25, 2026',
      '24',
    ],
    // 00:30 local on Mar 3 is still Mar 2 in UTC: the local day decides.
    [
      'Asia/Manila',
      'daily',
      'previous_days',
      '2026-03-02T16:30:00Z',
      '2026-03-01T16:00:00.000Z',
      '2026-03-02T16:00:00.000Z',
      'Mar 2, 2026',
      '24',
    ],
    [
      'Asia/Manila',
      'every_3_days',
      'previous_days',
      '2026-02-26T01:00:00Z',
      '2026-02-22T16:00:00.000Z',
      '2026-02-25T16:00:00.000Z',
      'Feb 23 – Feb 25, 2026',
      '72',
    ],
    [
      'Asia/Manila',
      'weekly',
      'previous_days',
      '2026-02-25T01:00:00Z',
      '2026-02-17T16:00:00.000Z',
      '2026-02-24T16:00:00.000Z',
      'Feb 18 – Feb 24, 2026',
      '168',
    ],
    [
      'Asia/Manila',
      'weekly',
      'previous_days',
      '2027-01-02T01:00:00Z',
      '2026-12-25T16:00:00.000Z',
      '2027-01-01T16:00:00.000Z',
      'Dec 26, 2026 – Jan 1, 2027',
      '168',
    ],
    [
      'Asia/Manila',
      'daily',
      'previous_days',
      '2026-03-01T01:00:00Z',
      '2026-02-27T16:00:00.000Z',
      '2026-02-28T16:00:00.000Z',
      'Feb 28, 2026',
      '24',
    ],
    // America/New_York: Mar 8, 2026 has 23 hours, Nov 1, 2026 has 25.
    [
      'America/New_York',
      'daily',
      'previous_days',
      '2026-03-09T13:00:00Z',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      'Mar 8, 2026',
      '23',
    ],
    [
      'America/New_York',
      'daily',
      'previous_days',
      '2026-11-02T14:00:00Z',
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
      'Nov 1, 2026',
      '25',
    ],
    [
      'America/New_York',
      'weekly',
      'previous_days',
      '2026-03-12T13:00:00Z',
      '2026-03-05T05:00:00.000Z',
      '2026-03-12T04:00:00.000Z',
      'Mar 5 – Mar 11, 2026',
      '167',
    ],
    [
      'America/New_York',
      'every_3_days',
      'previous_days',
      '2026-11-03T14:00:00Z',
      '2026-10-31T04:00:00.000Z',
      '2026-11-03T05:00:00.000Z',
      'Oct 31 – Nov 2, 2026',
      '73',
    ],
    [
      'Asia/Manila',
      'every_3_days',
      'to_date',
      '2026-02-25T01:00:00Z',
      '2026-02-22T16:00:00.000Z',
      '2026-02-25T01:00:00.000Z',
      'Feb 23 – Feb 25, 2026 (to 09:00)',
      '57',
    ],
    [
      'Asia/Manila',
      'daily',
      'to_date',
      '2026-02-25T01:00:00Z',
      '2026-02-24T16:00:00.000Z',
      '2026-02-25T01:00:00.000Z',
      'Feb 25, 2026 (to 09:00)',
      '9',
    ],
  ];

  it.each(table)('%s %s %s at %s', (timezone, frequency, periodMode, at, start, end, label, hours) => {
    const period = computeReportPeriod({
      frequency,
      scheduledAt: new Date(at),
      timezone,
      periodMode,
    });
    expect(period.start.toISOString()).toBe(start);
    expect(period.end.toISOString()).toBe(end);
    expect(period.label).toBe(label);
    expect((period.end.getTime() - period.start.getTime()) / 3_600_000).toBe(Number(hours));
    // A ledger row keeps only the instants: they must give back the same period (label, days, mode).
    expect(periodFromRange(period.start, period.end, timezone)).toEqual(period);
  });

  it('rejects an unknown zone naming the field', () => {
    expect(() =>
      computeReportPeriod({
        frequency: 'daily',
        scheduledAt: new Date(),
        timezone: 'Mars/Olympus',
      }),
    ).toThrow('timezone: unknown IANA time zone "Mars/Olympus"');
  });
});

describe('previousPeriod', () => {
  it.each([
    [
      'Asia/Manila',
      '2026-02-18',
      '2026-02-24',
      '2026-02-10T16:00:00.000Z',
      '2026-02-17T16:00:00.000Z',
      'Feb 11 – Feb 17, 2026',
    ],
    [
      'America/New_York',
      '2026-03-09',
      '2026-03-09',
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
      'Mar 8, 2026',
    ],
    ['Asia/Manila', '2026-03-01', '2026-03-01', '2026-02-27T16:00:00.000Z', '2026-02-28T16:00:00.000Z', 'Feb 28, 2026'],
  ])('%s %s…%s', (timezone, from, to, start, end, label) => {
    const previous = previousPeriod(periodFromLocalDates(from, to, timezone));
    expect([previous.start.toISOString(), previous.end.toISOString(), previous.label]).toEqual([start, end, label]);
  });

  it('shifts a to_date period by whole days, keeping the wall-clock end', () => {
    const period = computeReportPeriod({
      frequency: 'every_3_days',
      scheduledAt: new Date('2026-03-10T13:00:00Z'),
      timezone: 'America/New_York',
      periodMode: 'to_date',
    });
    const previous = previousPeriod(period);
    expect(previous.start.toISOString()).toBe('2026-03-05T05:00:00.000Z');
    expect(previous.end.toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(previous.label).toBe('Mar 5 – Mar 7, 2026 (to 09:00)');
  });
});

describe('periodFromLocalDates', () => {
  it('covers whole local days, both ends inclusive', () => {
    const period = periodFromLocalDates('2026-03-01', '2026-03-07', 'Asia/Manila');
    expect(period.start.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-03-07T16:00:00.000Z');
    expect(period.days).toBe(7);
  });

  it.each([
    ['2026-02-30', '2026-03-01', 'Asia/Manila', 'from: expected a calendar date as YYYY-MM-DD, got "2026-02-30"'],
    ['2026-03-01', '03/02/2026', 'Asia/Manila', 'to: expected a calendar date as YYYY-MM-DD, got "03/02/2026"'],
    ['2026-03-05', '2026-03-01', 'Asia/Manila', 'to: must be on or after from (2026-03-05)'],
    ['2026-03-01', '2026-03-01', 'Nowhere/City', 'timezone: unknown IANA time zone "Nowhere/City"'],
  ])('rejects %s…%s in %s', (from, to, timezone, message) => {
    expect(() => periodFromLocalDates(from, to, timezone)).toThrow(message);
  });
});

describe('workbookFilename', () => {
  it('names one day or a range', () => {
    expect(workbookFilename({ firstDay: '2026-03-02', lastDay: '2026-03-02' })).toBe('Sales_Report_2026_03_02.xlsx');
    expect(workbookFilename({ firstDay: '2026-02-24', lastDay: '2026-03-02' })).toBe(
      'Sales_Report_2026_02_24_to_2026_03_02.xlsx',
    );
  });
});

describe('periodBetween', () => {
  it('spans two instants with local-time labels, and its previous period has the same duration', () => {
    const period = periodBetween(new Date('2026-03-02T01:00:00Z'), new Date('2026-03-03T01:00:00Z'), 'Asia/Manila');
    expect([period.label, period.firstDay, period.lastDay, period.days]).toEqual([
      'Mar 2, 09:00 – Mar 3, 2026, 09:00',
      '2026-03-02',
      '2026-03-03',
      2,
    ]);
    const previous = previousPeriod(period);
    expect([previous.start.toISOString(), previous.end.toISOString()]).toEqual([
      '2026-03-01T01:00:00.000Z',
      '2026-03-02T01:00:00.000Z',
    ]);
  });

  it('labels a span across years with both years and refuses an empty span', () => {
    const start = new Date('2026-12-31T13:00:00Z');
    expect(periodBetween(start, new Date('2027-01-01T01:00:00Z'), 'Asia/Manila').label).toBe(
      'Dec 31, 2026, 21:00 – Jan 1, 2027, 09:00',
    );
    expect(() => periodBetween(start, start, 'Asia/Manila')).toThrow('end: must be after start');
  });
});

describe('periodFromRange', () => {
  it('reads instants that are not on local midnights as a span', () => {
    const [start, end] = [new Date('2026-03-02T01:00:00Z'), new Date('2026-03-03T01:00:00Z')];
    expect(periodFromRange(start, end, 'Asia/Manila')).toEqual(periodBetween(start, end, 'Asia/Manila'));
  });
});
