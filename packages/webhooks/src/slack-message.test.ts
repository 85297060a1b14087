import type { ReportEmailData } from '@reportmail/emails';
import { describe, expect, it } from 'vitest';
import { slackEscape, slackMessage } from './slack-message.js';

const data: ReportEmailData = {
  subject: 'Daily Sales Report - Mar 2, 2026',
  title: 'Daily Sales Report',
  periodLabel: 'Mar 2, 2026',
  timezone: 'Asia/Manila',
  kpis: [
    { label: 'Total revenue', value: '₱3,715.00', detail: 'payments received' },
    { label: 'Transactions', value: '3', detail: '' },
  ],
  breakdown: [
    { method: 'Cash', count: '2', total: '₱1,715.00', sales: '₱1,715.00', repairs: '₱0.00' },
    { method: 'Bank <Transfer> & Co', count: '1', total: '₱2,000.00', sales: '₱0.00', repairs: '₱2,000.00' },
  ],
  breakdownTotal: { count: '3', total: '₱3,715.00', sales: '₱1,715.00', repairs: '₱2,000.00' },
  largest: [],
  notes: ['Ask <!channel> about the safe'],
  generatedAt: 'Mar 3, 2026, 09:00',
  trend: null,
  changes: [
    {
      key: 'c1',
      period: 'Mar 1, 2026',
      sent: 'Mar 2, 2026, 09:00',
      sentTotal: '₱1,900.00',
      totalNow: '₱1,800.00',
      difference: '−₱100.00',
      payments: [],
    },
  ],
};

describe('slackMessage', () => {
  it('lays out the KPIs, methods, changes, notes and the workbook button as Block Kit', () => {
    const link = {
      url: 'https://reports.shop.example/v1/deliveries/d1/attachment?expires=1&signature=s',
      until: 'Mar 10, 2026, 09:00 (Asia/Manila)',
    };
    expect(slackMessage(data, link)).toEqual({
      text: 'Daily Sales Report - Mar 2, 2026: Total revenue ₱3,715.00',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Daily Sales Report - Mar 2, 2026' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Mar 2, 2026 · Asia/Manila' }] },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Total revenue*\n₱3,715.00\n_payments received_' },
            { type: 'mrkdwn', text: '*Transactions*\n3' },
          ],
        },
        { type: 'divider' },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Payment methods*\n• Cash: *₱1,715.00* (2)\n• Bank &lt;Transfer&gt; &amp; Co: *₱2,000.00* (1)\nTotal: *₱3,715.00* (3)',
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Changes to earlier reports*\n• Mar 1, 2026: sent ₱1,900.00, now ₱1,800.00 (−₱100.00)',
          },
        },
        { type: 'section', text: { type: 'mrkdwn', text: 'Ask &lt;!channel&gt; about the safe' } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Download workbook (.xlsx)' },
              url: link.url,
              action_id: 'download-workbook',
            },
          ],
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'The link works until Mar 10, 2026, 09:00 (Asia/Manila).' }],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Generated Mar 3, 2026, 09:00 (Asia/Manila)' }] },
      ],
    });
  });

  it('has no button without a link, and says so when the period had no payments', () => {
    const empty = { ...data, breakdown: [], changes: [], notes: [] };
    const message = slackMessage(empty, null);
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'context',
      'section',
      'divider',
      'section',
      'context',
    ]);
    expect(message.blocks[4]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Payment methods*\nNo payments in this period.' },
    });
  });

  it('lists at most 12 methods and sends the rest to the workbook', () => {
    const breakdown = Array.from({ length: 15 }, (_, index) => ({
      method: `Method ${index + 1}`,
      count: '1',
      total: '₱1.00',
      sales: '₱1.00',
      repairs: '₱0.00',
    }));
    const text = (slackMessage({ ...data, breakdown }, null).blocks[4] as { text: { text: string } }).text.text;
    expect(text.split('\n').slice(-3)).toEqual([
      '• Method 12: *₱1.00* (1)',
      '…and 3 more in the workbook',
      'Total: *₱3,715.00* (3)',
    ]);
  });

  it('escapes what Slack mrkdwn reads as markup', () => {
    expect(slackEscape('<@U123> & <https://x|y>')).toBe('&lt;@U123&gt; &amp; &lt;https://x|y&gt;');
  });
});
