import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Delivery } from '@reportmail/ledger';
import { type CurrencyOptions, createMoneyFormatter, parseCents } from '@reportmail/reports';

/** Labelled lines for the files an outbox delivery left: the `.eml` and whatever was saved beside it. */
async function outboxLines(emlPath: string): Promise<string[]> {
  const stem = basename(emlPath, '.eml');
  const beside = (await readdir(dirname(emlPath))).filter(
    (name) => name.startsWith(`${stem}.`) && !name.endsWith('.eml'),
  );
  const label = (name: string) => (extname(name) === '.html' ? 'Email (HTML)' : 'Workbook');
  const lines = beside.map((name) => `  ${label(name).padEnd(15)}${join(dirname(emlPath), name)}`);
  return [`  Email          ${emlPath}`, ...lines.sort()];
}

/** What the demo prints at the end: the report's numbers and where the email went. */
export async function describeDelivery(row: Delivery, periodLabel: string, currency: CurrencyOptions): Promise<string> {
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
    lines.push(...(await outboxLines(row.outboxPath)));
  } else {
    lines.push(`  Sent over SMTP to ${(row.acceptedRecipients ?? []).join(', ')} (message id ${row.messageId})`);
  }
  return `${lines.join('\n')}\n`;
}
