import { describe, expect, it } from 'vitest';
import { formatInstant, formatMoney, formatRelative, zoneOffset } from './format';

const peso = { symbol: '₱', locale: 'en-PH' };

describe('formatMoney', () => {
  it.each([
    ['3499.75', '₱3,499.75'],
    ['0', '₱0.00'],
    ['1234567890123456789.5', '₱1,234,567,890,123,456,789.50'],
    ['-12.5', '−₱12.50'],
    [null, '—'],
  ])('%s → %s', (amount, expected) => {
    expect(formatMoney(amount, peso)).toBe(expected);
  });

  it('uses the locale’s separators', () => {
    expect(formatMoney('1234.5', { symbol: '€', locale: 'de-DE' })).toBe('€1.234,50');
  });
});

describe('formatInstant', () => {
  it('shows the instant in the zone it is given, labelled with it', () => {
    expect(formatInstant('2026-12-07T00:00:00Z', 'Asia/Manila', { weekday: true })).toBe(
      'Mon, 7 Dec 2026, 08:00 (Asia/Manila)',
    );
    expect(formatInstant('2026-03-29T01:30:00Z', 'Europe/Berlin', { zone: false })).toBe('29 Mar 2026, 03:30');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  it.each([
    ['2026-12-02T13:12:00Z', 'in 3 h 12 min'],
    ['2026-12-02T09:55:00Z', '5 min ago'],
    ['2026-12-04T14:00:00Z', 'in 2 d 4 h'],
    ['2026-12-02T10:00:20Z', 'now'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});

describe('zoneOffset', () => {
  it('gives the offset in force at the instant', () => {
    expect(zoneOffset('Asia/Manila')).toBe('UTC+08:00');
    expect(zoneOffset('Europe/Berlin', new Date('2026-07-01T00:00:00Z'))).toBe('UTC+02:00');
    expect(zoneOffset('UTC')).toBe('UTC+00:00');
  });
});
