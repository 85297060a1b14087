import { describe, expect, it } from 'vitest';
import { createSaleItemsFormatter } from './sale-items.js';

describe('createSaleItemsFormatter', () => {
  const format = createSaleItemsFormatter(
    new Map([
      [5, 'Phone case'],
      [7, 'Charger'],
    ]),
  );

  it.each([
    ['2:5,1:7', '2× Phone case, 1× Charger'],
    ['1:7', '1× Charger'],
    ['3:0', '3× Unknown item'],
    ['1:99', '1× Unknown item'],
    ['', ''],
  ])('%s → %s', (code, text) => {
    expect(format(code)).toBe(text);
    expect(format(code)).toBe(text);
  });
});
