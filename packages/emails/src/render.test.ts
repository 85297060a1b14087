import {
  type LargestPaymentRow,
  periodFromLocalDates,
  previousPeriod,
  type ReportSummary,
  summarise,
} from '@reportmail/reports';
import { describe, expect, it } from 'vitest';
import { renderReportEmail } from './render.js';
import { buildReportEmailData, type EmailDataInput, reportSubject } from './report-email-data.js';

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
const largest: LargestPaymentRow[] = [
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

/** The `count` lines after a section's heading (and the blank line under it) in the text part. */
function linesAfter(text: string, heading: string, count: number): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading) + 2;
  return lines.slice(start, start + count);
}

/** The scenario's email data: Mar 2's summary and largest payments, daily, generated Mar 3 09:00. */
function scenarioData(options: Partial<EmailDataInput> = {}) {
  return buildReportEmailData({
    summary,
    largest,
    frequency: 'daily',
    currency: { symbol: '₱', locale: 'en-PH' },
    generatedAt: 'Mar 3, 2026, 09:00',
    ...options,
  });
}

const renderScenario = (options: Partial<EmailDataInput> = {}) => renderReportEmail(scenarioData(options));

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

  it('lists every payment method and a TOTAL row that matches the revenue, one per line', async () => {
    const { text } = await renderScenario();
    expect(linesAfter(text, 'PAYMENT METHODS', 8)).toEqual([
      'Method            Count      Total      Sales    Repairs',
      'Bank Transfer         1  ₱1,500.00      ₱0.00  ₱1,500.00',
      'Card                  1  ₱1,000.00  ₱1,000.00      ₱0.00',
      'Cash                  3    ₱950.00    ₱450.00    ₱500.00',
      'GCash                 2    ₱250.00    ₱250.00      ₱0.00',
      'Unknown               2     ₱15.00     ₱15.00      ₱0.00',
      'TOTAL                 9  ₱3,715.00  ₱1,715.00  ₱2,000.00',
      '',
    ]);
  });

  it('lists each largest payment on one line, long names cut to their column', async () => {
    const { text } = await renderScenario({
      largest: [
        ...largest,
        {
          kind: 'sale',
          id: 3,
          local_time: '2026-03-02 09:30',
          reference: 'INV-2026-000123',
          customer: 'Maria Clara de los Santos-Villanueva\nTrading and General Merchandise',
          method: 'Credit Card (Installment, 12 months)',
          amount: '1000000.00',
        },
      ],
    });
    expect(linesAfter(text, 'LARGEST PAYMENTS', 5)).toEqual([
      'Time              Customer                  Method                   Amount',
      '2026-03-02 15:00  Acme Corp                 Bank Transfer         ₱1,500.00',
      '2026-03-02 11:00  <script>alert(1)</scrip…  Card                  ₱1,000.00',
      '2026-03-02 09:30  Maria Clara de los Sant…  Credit Card (In…  ₱1,000,000.00',
      '',
    ]);
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

  it('wraps notes and the footer between words, a download link whole on its line', async () => {
    const link = `https://reports.example.com/v1/deliveries/${'a'.repeat(36)}/attachment?expires=1&signature=${'x'.repeat(43)}`;
    const note = `The workbook (31.2 MB) is too large to attach. Download it within 72 hours: ${link}`;
    const { text } = await renderScenario({ notes: [note] });
    const lines = text.split('\n');
    expect(lines.slice(2, 6)).toEqual([
      'Mar 2, 2026 · times in Asia/Manila',
      '',
      'The workbook (31.2 MB) is too large to attach. Download it within 72 hours:',
      link,
    ]);
    expect(lines.slice(-2)).toEqual([
      'Only payments actually received in the period are counted: no sale totals, no unpaid or credited',
      'sales, no void or draft sales, no waived repairs. Generated Mar 3, 2026, 09:00 (Asia/Manila).',
    ]);
  });

  it('says so in both parts when no payment was received', async () => {
    const { html, text } = await renderScenario({ summary: { ...summary, ...summarise([]) }, largest: [] });
    expect(linesAfter(text, 'PAYMENT METHODS', 1)).toEqual(['No payments were received in this period.']);
    expect(linesAfter(text, 'LARGEST PAYMENTS', 1)).toEqual(['None.']);
    expect(html).toContain('No payments were received in this period.');
  });

  it('lists changes to earlier reports in both parts, and nothing when there are none', async () => {
    const data = scenarioData({
      formatInstant: () => 'Mar 2, 2026, 09:00',
      changes: [
        {
          period: periodFromLocalDates('2026-03-01', '2026-03-01', 'Asia/Manila'),
          sentAt: new Date('2026-03-02T01:00:00Z'),
          sentTotal: 50000n,
          totalNow: 100000n,
          statesNow: [],
          payments: [
            {
              kind: 'repair',
              id: 7,
              reference: 'JC-7',
              customer: 'Ben Reyes',
              method: 'Cash',
              localTime: '2026-03-01 10:00',
              effect: 60000n,
              reason: 'ticket archived',
            },
            {
              kind: 'sale',
              id: 9,
              reference: '',
              customer: '',
              method: '',
              localTime: '',
              effect: -10000n,
              reason: 'payment deleted',
            },
          ],
        },
      ],
    });
    const { html, text } = await renderReportEmail(data);
    expect(linesAfter(text, 'CHANGES TO EARLIER REPORTS', 3)).toEqual([
      'Mar 1, 2026 (sent Mar 2, 2026, 09:00): ₱500.00 then, ₱1,000.00 now, +₱500.00',
      '+₱600.00  Repair JC-7: ticket archived (Ben Reyes · Cash · 2026-03-01 10:00)',
      '-₱100.00  Sale #9: payment deleted',
    ]);
    expect(html).toContain('Changes to earlier reports');
    expect(html).toContain('Repair JC-7: ticket archived');
    const none = await renderScenario();
    expect(none.text).not.toContain('CHANGES TO EARLIER REPORTS');
    expect(none.html).not.toContain('Changes to earlier reports');
  });

  it('draws the trend as bars of table cells with each figure beside them, and lists it in the text part', async () => {
    const data = scenarioData({
      trend: {
        kind: 'weekday',
        days: [
          { day: '2026-02-23', sales: 100000n, repairs: 0n },
          { day: '2026-03-02', sales: 171500n, repairs: 200000n },
        ],
      },
    });
    expect(data.trend).toEqual({
      title: 'Mondays, last 1 week',
      days: [
        {
          key: '2026-02-23',
          label: 'Mon, Feb 23',
          total: '₱1,000.00',
          sales: '₱1,000.00',
          repairs: '₱0.00',
          salesWidth: 27,
          repairsWidth: 0,
          current: false,
        },
        {
          key: '2026-03-02',
          label: 'Mon, Mar 2',
          total: '₱3,715.00',
          sales: '₱1,715.00',
          repairs: '₱2,000.00',
          salesWidth: 46,
          repairsWidth: 54,
          current: true,
        },
      ],
    });
    const { html, text } = await renderReportEmail(data);
    expect(linesAfter(text, 'MONDAYS, LAST 1 WEEK', 2)).toEqual([
      'Mon, Feb 23  ₱1,000.00  sales ₱1,000.00 · repairs ₱0.00',
      'Mon, Mar 2   ₱3,715.00  sales ₱1,715.00 · repairs ₱2,000.00  (this report)',
    ]);
    expect(html).toContain('width:46%;background-color:#4472c4');
    expect(html).toContain('width:54%;background-color:#e08a1e');
    expect(html).not.toMatch(/<img|url\(/i);
  });
});
