import type { SettingsPlan } from './settings-plan.js';
import type { TableResult } from './shop-data.js';

/** What one import did (or, in a dry run, would do). */
export type ImportSummary = {
  source: string;
  dryRun: boolean;
  tables: TableResult[] | null;
  settings: { plan: SettingsPlan; scheduleId: string } | null;
  emailReports: number;
  notices: string[];
};

export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `${summary.dryRun ? 'Dry run (nothing was written): ' : 'Imported from '}${summary.source}`,
    ...tableLines(summary.tables),
    ...settingsLines(summary.settings, summary.dryRun),
  ];
  if (summary.emailReports > 0) {
    lines.push(
      `Old email_report history: ${summary.emailReports} rows, not imported (kept in the old database; ` +
        'see docs/migrating-from-flask.md).',
    );
  }
  if (summary.notices.length > 0) lines.push('Notices:', ...summary.notices.map((notice) => `  - ${notice}`));
  return `${lines.join('\n')}\n`;
}

function tableLines(tables: TableResult[] | null): string[] {
  if (!tables) return [];
  const lines = ['Shop data (naive UTC times stored as instants):'];
  for (const table of tables) {
    if (table.absent) {
      lines.push(`  ${table.table.padEnd(15)} not in the old database`);
      continue;
    }
    const skipped = Object.entries(table.skipped).map(([reason, rows]) => `${rows} skipped: ${reason}`);
    const adjusted = Object.entries(table.adjusted).map(([reason, rows]) => `${rows} ${reason}`);
    const extra = [...skipped, ...adjusted];
    lines.push(
      `  ${table.table.padEnd(15)} ${String(table.copied).padStart(9)} copied${extra.length ? ` (${extra.join('; ')})` : ''}`,
    );
  }
  return lines;
}

function settingsLines(settings: ImportSummary['settings'], dryRun: boolean): string[] {
  if (!settings) return [];
  const { smtp, password, schedule } = settings.plan;
  const day = schedule.weekday ? ` on ${schedule.weekday}` : '';
  const when = `${schedule.frequency}${day} at ${schedule.sendTime} ${schedule.timezone}, ${schedule.periodMode}`;
  return [
    `SMTP settings: ${smtp.host}:${smtp.port} (${smtp.security}) as ${smtp.fromAddress}, password ${password === null ? 'NOT set' : 'set'}`,
    `Schedule "${schedule.name}" ${dryRun ? '(not created)' : settings.scheduleId}: ${when}${schedule.anchorDate ? ` from ${schedule.anchorDate}` : ''}, ` +
      `${schedule.recipientsTo.length} recipient(s), ${schedule.enabled ? 'enabled' : 'switched off'}` +
      `${schedule.lastSentAt ? `, last sent ${schedule.lastSentAt}` : ''}`,
  ];
}
