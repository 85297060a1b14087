import { periodFromLocalDates, previousPeriod, type ReportSummary, summarise } from '@reportmail/reports';
import { describe, expect, it } from 'vitest';
import { renderReportEmail } from './render.js';
import { buildReportEmailData, reportSubject } from './report-email-data.js';

const period = periodFromLocalDates('2026-03-02', '2026-03-02', 'Asia/Manila');
const current = summarise([
  { kind: 'sale', method: 'Cash', count: 2, total: '450.00' },
  { kind: 'repair', method: 'Cash', count: 1, total: '500.00' },
  { kind: 'sale', method: 'Card', count: 1, total: '1000.00' },
  { kind: 'repair', method: 'Bank Transfer', count: 1, total: '1500.00' },
  { kind: 'sale', method: 'GCash', count: 2, total: '250.00' },
  { kind: 'sale', method: 'Unknown', count: 2, total: '15.00' },
]);
const before = summarise([{ kind: 'sale', method: 'Cash', count: 2, total: '500.00' }]);
const summary: ReportSummary = {
  period,
  ...current,
  previous: { period: previousPeriod(period), totals: before.totals },
  comparison: { revenueDelta: 321500n, revenuePercent: 643, transactionsDelta: 7, transactionsPercent: 350 },
};
const largest = [
  {
    kind: 'repair' as const,
    id: 1,
    local_time: '2026-03-02 15:00',
    reference: 'JC-2026-001',
    customer: 'Acme Corp',
    method: 'Bank Transfer',
    amount: '1500.00',
  },
  {
    kind: 'sale' as const,
    id: 2,
    local_time: '2026-03-02 11:00',
    reference: 'INV-OVER',
    customer: '<script>alert(1)</script>',
    method: 'Card',
    amount: '1000.00',
  },
];

async function renderScenario(options: { isTest?: boolean; notes?: string[] } = {}) {
  const data = buildReportEmailData({
    summary,
    largest,
    frequency: 'daily',
    currency: { symbol: '₱', locale: 'en-PH' },
    generatedAt: 'Mar 3, 2026, 09:00',
    ...options,
  });
  return renderReportEmail(data);
}

describe('reportSubject', () => {
  it.each([
    ['daily', 'Feb 25, 2026', false, 'Daily Sales Report - Feb 25, 2026'],
    ['every_3_days', 'Feb 23 – Feb 25, 2026', false, 'Every 3 Days Sales Report - Feb 23 – Feb 25, 2026'],
    ['weekly', 'Feb 18 – Feb 24, 2026', false, 'Weekly Sales Report - Feb 18 – Feb 24, 2026'],
    ['daily', 'Feb 25, 2026', true, '[TEST] Daily Sales Report - Feb 25, 2026'],
  ] as const)('%s %s test=%s', (frequency, label, isTest, subject) => {
    expect(reportSubject(frequency, label, isTest)).toBe(subject);
  });
});

describe('renderReportEmail', () => {
  it('shows the KPI figures in both the HTML and the text part', async () => {
    const email = await renderScenario();
    expect(email.subject).toBe('Daily Sales Report - Mar 2, 2026');
    for (const part of [email.html, email.text]) {
      for (const figure of ['₱3,715.00', '₱1,715.00', '₱2,000.00', '+₱3,215.00 (+643.00%)', 'Mar 1, 2026: ₱500.00']) {
        expect(part).toContain(figure);
      }
    }
    expect(email.text).toMatch(/Transactions\s+9\s/);
  });

  it('lists every payment method and a TOTAL row that matches the revenue', async () => {
    const { text } = await renderScenario();
    const row = (cells: string[]) =>
      new RegExp(cells.map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    expect(text).toMatch(row(['Bank Transfer', '1', '₱1,500.00', '₱0.00', '₱1,500.00']));
    expect(text).toMatch(row(['Cash', '3', '₱950.00', '₱450.00', '₱500.00']));
    expect(text).toMatch(row(['Unknown', '2', '₱15.00', '₱15.00', '₱0.00']));
    expect(text).toMatch(row(['TOTAL', '9', '₱3,715.00', '₱1,715.00', '₱2,000.00']));
    expect(text).toContain('Bank Transfer   1       ₱1,500.00   ₱0.00       ₱1,500.00');
  });

  it('escapes shop data, needs no remote images and fits a phone screen', async () => {
    const { html } = await renderScenario();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<img|url\(|src="http/i);
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).toContain('max-width:640px');
  });

  it('marks test sends and shows notes', async () => {
    const email = await renderScenario({ isTest: true, notes: ['The workbook (31.2 MB) is too large to attach.'] });
    expect(email.subject).toBe('[TEST] Daily Sales Report - Mar 2, 2026');
    expect(email.text).toContain('The workbook (31.2 MB) is too large to attach.');
  });
});
