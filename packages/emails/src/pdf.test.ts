import { periodFromLocalDates, previousPeriod, summarise } from '@reportmail/reports';
import { pdfText } from '@reportmail/testing';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from './pdf.js';
import { buildReportEmailData } from './report-email-data.js';

const period = periodFromLocalDates('2026-03-01', '2026-03-07', 'Asia/Manila');
const current = summarise([
  { kind: 'sale', method: 'Cash', count: 2, total: '450.00' },
  { kind: 'repair', method: 'GCash', count: 1, total: '1500.00' },
]);
const data = (largest = 3) =>
  buildReportEmailData({
    summary: {
      period,
      ...current,
      previous: { period: previousPeriod(period), totals: current.totals },
      comparison: { revenueDelta: 0n, revenuePercent: 0, transactionsDelta: 0, transactionsPercent: 0 },
    },
    largest: Array.from({ length: largest }, (_, index) => ({
      kind: 'sale' as const,
      id: index + 1,
      local_time: '2026-03-02 10:00',
      reference: `INV-${index + 1}`,
      customer: 'José Ñúñez',
      method: 'Cash',
      amount: '150.00',
    })),
    frequency: 'weekly',
    currency: { symbol: '₱', locale: 'en-PH' },
    generatedAt: 'Mar 8, 2026, 09:00',
    trend: { kind: 'days', days: [{ day: '2026-03-01', sales: 45000n, repairs: 150000n }] },
  });

describe('renderReportPdf', () => {
  it('has the shop, the KPIs, the trend, the methods and the largest payments, with page numbers', async () => {
    const pdf = await renderReportPdf(data(), { pageSize: 'A4', shopName: 'Lucky Repairs' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, size } = await pdfText(pdf);
    expect(size).toEqual([595, 842]);
    expect(pages).toHaveLength(1);
    const text = pages[0] as string;
    for (const expected of [
      'LUCKY REPAIRS',
      'Weekly Sales Report',
      'Mar 1 – Mar 7, 2026 · times in Asia/Manila',
      'TOTAL REVENUE ₱1,950.00',
      'Revenue by day Sun, Mar 1',
      '₱1,950.00',
      'GCash 1 ₱1,500.00 ₱0.00 ₱1,500.00',
      'TOTAL 3 ₱1,950.00 ₱450.00 ₱1,500.00',
      'Sale INV-1 · José Ñúñez · Cash ₱150.00',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('runs onto more pages on Letter paper, numbering each', async () => {
    const pdf = await renderReportPdf(data(80), { pageSize: 'LETTER', shopName: 'Lucky Repairs' });
    const { pages, size } = await pdfText(pdf);
    expect(size).toEqual([612, 792]);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((page) => /Page \d+ of \d+/.exec(page)?.[0])).toEqual(
      pages.map((_, index) => `Page ${index + 1} of ${pages.length}`),
    );
    expect(pages.join(' ')).toContain('Sale INV-80 · José Ñúñez');
  });
});
