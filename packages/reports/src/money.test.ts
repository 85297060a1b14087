import { describe, expect, it } from 'vitest';
import {
  createMoneyFormatter,
  currencyNumberFormat,
  DEFAULT_CURRENCY,
  formatDecimal,
  parseCents,
  percentChange,
} from './money.js';

describe('parseCents / formatDecimal', () => {
  it.each([
    ['0', 0n, '0.00'],
    ['12', 1200n, '12.00'],
    ['1234.5', 123450n, '1234.50'],
    ['0.07', 7n, '0.07'],
    ['-0.07', -7n, '-0.07'],
    ['9999999999.99', 999999999999n, '9999999999.99'],
    ['9999999999990.00', 999999999999000n, '9999999999990.00'],
    ['123456789012345678.91', 12345678901234567891n, '123456789012345678.91'],
  ])('%s → %s cents → %s', (text, cents, normalised) => {
    expect(parseCents(text)).toBe(cents);
    expect(formatDecimal(cents)).toBe(normalised);
  });

  it('rejects anything that is not a two-place decimal', () => {
    for (const bad of ['1.234', 'abc', '', '1e3', '1,000.00']) expect(() => parseCents(bad)).toThrow();
  });
});

describe('createMoneyFormatter', () => {
  const peso = createMoneyFormatter(DEFAULT_CURRENCY);
  it.each([
    [0n, '₱0.00'],
    [5n, '₱0.05'],
    [123450n, '₱1,234.50'],
    [999999999999000n, '₱9,999,999,999,990.00'],
    [-123450n, '-₱1,234.50'],
  ])('%s → %s', (cents, text) => expect(peso(cents)).toBe(text));

  it('follows the locale marks', () => {
    expect(createMoneyFormatter({ symbol: '€', locale: 'de-DE' })(123456789n)).toBe('€1.234.567,89');
  });
});

describe('currencyNumberFormat', () => {
  it('keeps symbols literal and quotes letters', () => {
    expect(currencyNumberFormat('₱')).toBe('₱#,##0.00');
    expect(currencyNumberFormat('PHP ')).toBe('"PHP "#,##0.00');
  });
});

describe('percentChange', () => {
  it.each([
    [150n, 100n, 50],
    [100n, 150n, -33.33],
    [200n, 300n, -33.33],
    [1n, 3n, -66.67],
    [100n, 0n, null],
    [0n, 100n, -100],
  ])('%s vs %s → %s', (current, previous, expected) => expect(percentChange(current, previous)).toBe(expected));
});
