import type { ReportEmailData } from '@reportmail/emails';

/** A signed, expiring link to the report's workbook, with when it stops working (already formatted). */
export type WorkbookLink = { url: string; until: string };

type TextObject = { type: 'plain_text' | 'mrkdwn'; text: string };
export type SlackBlock =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: { type: 'button'; text: TextObject; url: string; action_id: string }[] };

export type SlackMessage = { text: string; blocks: SlackBlock[] };

/** Slack's own limits: a header's text, a section's text, lines listed before "and N more". */
const HEADER_CHARS = 150;
const SECTION_CHARS = 3_000;
const LISTED_LINES = 12;

/** Slack's mrkdwn gives &, < and > a meaning: a customer named "<!channel>" must not ping anyone. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text: cut(text, SECTION_CHARS) });
const cut = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/**
 * The report as a Slack Block Kit message (incoming webhook): the KPIs, the payment methods, any changes
 * to earlier reports and the notes, and a button to the workbook when a link can be signed. `text` is what
 * notifications and clients without blocks show. Everything comes from the email's stored data.
 */
export function slackMessage(data: ReportEmailData, link: WorkbookLink | null): SlackMessage {
  const total = data.kpis[0];
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(data.subject, HEADER_CHARS) } },
    { type: 'context', elements: [mrkdwn(`${slackEscape(data.periodLabel)} · ${slackEscape(data.timezone)}`)] },
    { type: 'section', fields: data.kpis.slice(0, 10).map(kpiField) },
    { type: 'divider' },
    { type: 'section', text: mrkdwn(methodsText(data)) },
    ...changesBlocks(data),
    ...data.notes.map((note): SlackBlock => ({ type: 'section', text: mrkdwn(slackEscape(note)) })),
    ...linkBlocks(link),
    {
      type: 'context',
      elements: [mrkdwn(`Generated ${slackEscape(data.generatedAt)} (${slackEscape(data.timezone)})`)],
    },
  ];
  const headline = total ? `: ${total.label} ${total.value}` : '';
  return { text: `${data.subject}${headline}`, blocks };
}

function kpiField(kpi: ReportEmailData['kpis'][number]): TextObject {
  const detail = kpi.detail ? `\n_${slackEscape(kpi.detail)}_` : '';
  return mrkdwn(`*${slackEscape(kpi.label)}*\n${slackEscape(kpi.value)}${detail}`);
}

function methodsText(data: ReportEmailData): string {
  if (data.breakdown.length === 0) return '*Payment methods*\nNo payments in this period.';
  const lines = data.breakdown
    .slice(0, LISTED_LINES)
    .map((row) => `• ${slackEscape(row.method)}: *${slackEscape(row.total)}* (${slackEscape(row.count)})`);
  const more = data.breakdown.length - LISTED_LINES;
  if (more > 0) lines.push(`…and ${more} more in the workbook`);
  const total = data.breakdownTotal;
  lines.push(`Total: *${slackEscape(total.total)}* (${slackEscape(total.count)})`);
  return `*Payment methods*\n${lines.join('\n')}`;
}

function changesBlocks(data: ReportEmailData): SlackBlock[] {
  if (data.changes.length === 0) return [];
  const lines = data.changes
    .slice(0, LISTED_LINES)
    .map(
      (change) =>
        `• ${slackEscape(change.period)}: sent ${slackEscape(change.sentTotal)}, now ${slackEscape(change.totalNow)} (${slackEscape(change.difference)})`,
    );
  const more = data.changes.length - LISTED_LINES;
  if (more > 0) lines.push(`…and ${more} more in the workbook's Adjustments sheet`);
  return [{ type: 'section', text: mrkdwn(`*Changes to earlier reports*\n${lines.join('\n')}`) }];
}

function linkBlocks(link: WorkbookLink | null): SlackBlock[] {
  if (!link) return [];
  return [
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
    { type: 'context', elements: [mrkdwn(`The link works until ${slackEscape(link.until)}.`)] },
  ];
}
