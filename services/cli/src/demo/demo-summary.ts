import type { Delivery } from '@reportmail/ledger';
import { type CurrencyOptions, createMoneyFormatter, parseCents } from '@reportmail/reports';

/** The files an outbox delivery left: the `.eml`, and the HTML and workbook saved beside it. */
export function outboxFiles(emlPath: string, attached: boolean): string[] {
  const stem = emlPath.replace(/\.eml$/, '');
  return [emlPath, `${stem}.html`, ...(attached ? [`${stem}.xlsx`] : [])];
}

/** What the demo prints at the end: the report's numbers and where the email went. */
export function describeDelivery(row: Delivery, periodLabel: string, currency: CurrencyOptions): string {
  const money = createMoneyFormatter(currency);
  const amount = (value: string | null) => (value === null ? '—' : money(parseCents(value)));
  const lines = [
    '',
    `Report for ${periodLabel} (${row.timezone}): ${row.status}`,
    `  Revenue        ${amount(row.totalRevenue)}  (${row.totalTransactions ?? 0} payments)`,
    `  Sales          ${amount(row.salesRevenue)}  (${row.salesTransactions ?? 0})`,
    `  Repairs        ${amount(row.repairRevenue)}  (${row.repairTransactions ?? 0})`,
    `  Subject        ${row.subject ?? '—'}`,
  ];
  if (row.status !== 'sent') lines.push(`  Error          ${row.errorMessage ?? '—'}`);
  else if (row.transport === 'outbox' && row.outboxPath) {
    const [eml, html, xlsx] = outboxFiles(row.outboxPath, row.attachmentFilename !== null && !row.attachmentOmitted);
    lines.push(`  Email          ${eml}`, `  Email (HTML)   ${html}`);
    if (xlsx) lines.push(`  Workbook       ${xlsx}`);
  } else {
    lines.push(`  Sent over SMTP to ${(row.acceptedRecipients ?? []).join(', ')} (message id ${row.messageId})`);
  }
  return `${lines.join('\n')}\n`;
}
