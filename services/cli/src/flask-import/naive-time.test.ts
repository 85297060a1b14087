import { describe, expect, it } from 'vitest';
import { naiveToInstant, oldDate } from './naive-time.js';

describe('naiveToInstant', () => {
  it('reads the old wall clock at its explicit offset, microseconds kept', () => {
    expect(naiveToInstant('2026-03-01 16:30:00.123456', 'utc', 'x')).toBe('2026-03-01T16:30:00.123456+00:00');
    expect(naiveToInstant('2026-03-01 08:59', 'manila', 'x')).toBe('2026-03-01T08:59:00.000000+08:00');
    expect(naiveToInstant('2026-03-01T08:59:02', 'utc', 'x')).toBe('2026-03-01T08:59:02.000000+00:00');
    expect(naiveToInstant(null, 'utc', 'x')).toBeNull();
  });

  it('stops on anything that is not a timestamp, naming the row', () => {
    expect(() => naiveToInstant('2026-02-30 10:00:00', 'utc', 'sale_payment id 7 paid_at')).toThrow(
      'sale_payment id 7 paid_at: "2026-02-30 10:00:00" is not a timestamp (YYYY-MM-DD HH:MM:SS)',
    );
    expect(() => naiveToInstant('1709310600', 'utc', 'x')).toThrow(/is not a timestamp/);
  });
});

describe('oldDate', () => {
  it('keeps a calendar date and refuses others', () => {
    expect(oldDate('2026-03-02', 'x')).toBe('2026-03-02');
    expect(oldDate(null, 'x')).toBeNull();
    expect(() => oldDate('2026-13-01', 'device id 1 actual_completion')).toThrow(/is not a date/);
  });
});
