// The report email measured in a real browser at phone and desktop widths. Needs Chromium (CHROMIUM_PATH
// or chromium on PATH), which .ci/run installs; where none can be had the test is skipped, and
// `pnpm docs:screenshots` makes the same check before taking its pictures.
import { buildReportEmailData, renderReportEmail } from '@reportmail/emails';
import { periodFromLocalDates, previousPeriod, summarise } from '@reportmail/reports';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWidth, findChromium, launchChromium, openEmail } from './docs-screenshots-render.js';

const chromiumPath = findChromium();

/** A shop with seven-digit method totals, a long method name and a long customer name. */
function bigShopEmail() {
  const period = periodFromLocalDates('2026-03-01', '2026-03-07', 'Asia/Manila');
  const current = summarise([
    { kind: 'sale', method: 'Cash', count: 1204, total: '1234567.89' },
    { kind: 'repair', method: 'Cash', count: 310, total: '1000000.00' },
    { kind: 'sale', method: 'Bank Transfer', count: 87, total: '2500000.50' },
    { kind: 'repair', method: 'Bank Transfer', count: 12, total: '1999999.99' },
    { kind: 'sale', method: 'GCash', count: 450, total: '98765.43' },
  ]);
  const data = buildReportEmailData({
    summary: {
      period,
      ...current,
      previous: { period: previousPeriod(period), totals: current.totals },
      comparison: { revenueDelta: 0n, revenuePercent: 0, transactionsDelta: 0, transactionsPercent: 0 },
    },
    largest: [
      {
        kind: 'sale',
        id: 1,
        local_time: '2026-03-04 14:20',
        reference: 'INV-2026-000123',
        customer: 'Maria Clara de los Santos-Villanueva Trading and General Merchandise',
        method: 'Bank Transfer',
        amount: '1000000.00',
      },
    ],
    frequency: 'weekly',
    currency: { symbol: '₱', locale: 'en-PH' },
    generatedAt: 'Mar 8, 2026, 09:00',
  });
  return renderReportEmail(data);
}

describe.skipIf(!chromiumPath)('the report email in Chromium', () => {
  let browser: Browser;
  let html: string;
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath as string);
    ({ html } = await bigShopEmail());
  });
  afterAll(() => browser?.close());

  it.each([320, 375, 800])('fits %i px without scrolling sideways, with ₱1,000,000+ method totals', async (width) => {
    const page = await openEmail(browser, html, width);
    try {
      expect(html.includes('₱4,500,000.49')).toBe(true);
      expect(await contentWidth(page)).toBeLessThanOrEqual(width);
    } finally {
      await page.close();
    }
  });
});
