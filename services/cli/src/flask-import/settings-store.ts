import { SMTP_PASSWORD_CONTEXT } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import type { SecretBox } from '@reportmail/secrets';
import type { TransactionSql } from 'postgres';
import { IMPORTED_SCHEDULE_NAME, type SettingsPlan } from './settings-plan.js';

/** Refuses a second import: SMTP settings (from the API or an earlier import) or the imported schedule exist. */
export async function assertNoSettingsYet(tx: TransactionSql): Promise<void> {
  const [row] = await tx<{ smtp: boolean; schedule: boolean }[]>`
    select exists (select 1 from reportmail.smtp_settings) as smtp,
      exists (select 1 from reportmail.report_schedule where name = ${IMPORTED_SCHEDULE_NAME}) as schedule`;
  if (row?.smtp || row?.schedule) {
    throw new AppError(
      'CONFLICT',
      `${row.smtp ? 'SMTP settings' : `The schedule "${IMPORTED_SCHEDULE_NAME}"`} already exist here, so the settings ` +
        'were imported before (or entered through the API): change them with PUT /v1/smtp-settings and ' +
        'PUT /v1/schedules/{id}, or leave out --settings.',
    );
  }
}

/** Writes our SMTP settings row (password sealed with SECRETS_KEY) and the schedule; answers the schedule id. */
export async function writeSettings(
  tx: TransactionSql,
  plan: SettingsPlan,
  context: { secretBox: SecretBox; importedAt: string },
): Promise<string> {
  const { smtp, schedule } = plan;
  const ciphertext = plan.password === null ? null : context.secretBox.encrypt(plan.password, SMTP_PASSWORD_CONTEXT);
  await tx`
    insert into reportmail.smtp_settings (id, host, port, security, username, password_ciphertext, from_address, updated_at)
    values (1, ${smtp.host}, ${smtp.port}, ${smtp.security}, ${smtp.username}, ${ciphertext}, ${smtp.fromAddress},
      ${context.importedAt}::timestamptz)`;
  const [row] = await tx<{ id: string }[]>`
    insert into reportmail.report_schedule (name, enabled, enabled_at, frequency, send_time, timezone, anchor_date,
      weekday, period_mode, recipients_to, empty_period_policy, last_sent_at, created_at, updated_at)
    values (${schedule.name}, ${schedule.enabled}, ${schedule.enabled ? context.importedAt : null}::timestamptz,
      ${schedule.frequency}, ${schedule.sendTime}, ${schedule.timezone}, ${schedule.anchorDate}::date,
      ${schedule.weekday}::reportmail.weekday, ${schedule.periodMode}, ${tx.array(schedule.recipientsTo)}::text[], 'send', ${schedule.lastSentAt}::timestamptz,
      ${context.importedAt}::timestamptz, ${context.importedAt}::timestamptz)
    returning id`;
  const scheduleId = row?.id as string;
  await tx`
    insert into reportmail.audit_log (action, target, details)
    values ('flask.import', ${`schedule:${scheduleId}`}, ${JSON.stringify({
      passwordSet: ciphertext !== null,
      recipients: schedule.recipientsTo.length,
      enabled: schedule.enabled,
    })}::jsonb)`;
  return scheduleId;
}
