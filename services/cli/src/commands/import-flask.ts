import { loadConfig, secretsKey } from '@reportmail/config';
import { AppError, invalidField } from '@reportmail/errors';
import { isValidTimeZone } from '@reportmail/reports';
import { createSecretBox, type SecretBox } from '@reportmail/secrets';
import type { Sql, TransactionSql } from 'postgres';
import { parseFlags } from '../args.js';
import { type OldKeySetting, oldFernetKey } from '../flask-import/old-key.js';
import { readOldSettings } from '../flask-import/old-settings.js';
import { planSettings } from '../flask-import/settings-plan.js';
import { assertNoSettingsYet, writeSettings } from '../flask-import/settings-store.js';
import { advanceSequences, copyShopData, ticketsWithoutPayments } from '../flask-import/shop-data.js';
import { type OldDatabase, withOldDatabase } from '../flask-import/source.js';
import { formatSummary, type ImportSummary } from '../flask-import/summary.js';
import { shopHoldsData } from '../seed/loader.js';

export const IMPORT_FLASK_HELP = `Usage: pnpm import:flask --from FILE|URL [--shop-data] [--settings] [--old-key KEY | --old-secret-key KEY]
                         [--tz ZONE] [--period-mode previous_days|to_date] [--dry-run]

Imports the old Flask shop system's database (see docs/migrating-from-flask.md). Stop the old app first.
  --from            the old database: a SQLite file (instance/jc_icons_v2.db) or a postgres:// URL
  --shop-data       copy customers, products, sales, items, payments, tickets and repair payments into
                    the (empty) shop tables; naive UTC times become timestamptz
  --settings        smtp_settings → our SMTP settings and one report schedule (needs SECRETS_KEY)
                    (neither flag: both)
  --old-key         the old EMAIL_ENCRYPTION_KEY (or env OLD_EMAIL_ENCRYPTION_KEY), to decrypt the SMTP
                    password and recipients; re-encrypted with SECRETS_KEY
  --old-secret-key  the old Flask SECRET_KEY (or env OLD_SECRET_KEY), when EMAIL_ENCRYPTION_KEY was unset
  --tz              IANA zone of the imported schedule (default: REPORT_TIMEZONE)
  --period-mode     previous_days (default: whole days before the send) or to_date (the old "today so far")
  --dry-run         do everything in a transaction, print what would be imported, roll back
A second run refuses: shop data only goes into empty tables, settings only where none exist.`;

export type ImportFlaskDeps = {
  sql: Sql;
  timezone: string;
  /** SECRETS_KEY and the OLD_* alternatives to the key flags (flags would show in the process list). */
  env: Record<string, string | undefined>;
  stdout: NodeJS.WriteStream;
  now?: Date;
};

type ImportOptions = {
  from: string;
  shopData: boolean;
  settings: boolean;
  key: Buffer | null | undefined;
  timezone: string;
  periodMode: 'previous_days' | 'to_date';
  dryRun: boolean;
  secretBox: SecretBox | null;
  importedAt: string;
};

export async function runImportFlaskCommand(deps: ImportFlaskDeps, argv: string[]): Promise<void> {
  const options = importOptions(deps, argv);
  const summary = await withOldDatabase(options.from, (source) => importInto(deps.sql, source, options));
  deps.stdout.write(formatSummary(summary));
}

function importOptions(deps: ImportFlaskDeps, argv: string[]): ImportOptions {
  const flags = parseFlags(argv, {
    from: { type: 'string' },
    'shop-data': { type: 'boolean', default: false },
    settings: { type: 'boolean', default: false },
    'old-key': { type: 'string' },
    'old-secret-key': { type: 'string' },
    tz: { type: 'string' },
    'period-mode': { type: 'string', default: 'previous_days' },
    'dry-run': { type: 'boolean', default: false },
  });
  if (!flags.from?.trim()) throw invalidField('--from', 'is required: the old SQLite file or a postgres:// URL');
  const timezone = flags.tz ?? deps.timezone;
  if (!isValidTimeZone(timezone)) throw invalidField('--tz', `unknown IANA time zone "${timezone}"`);
  const periodMode = flags['period-mode'];
  if (periodMode !== 'previous_days' && periodMode !== 'to_date') {
    throw invalidField('--period-mode', 'must be previous_days or to_date');
  }
  const both = !flags['shop-data'] && !flags.settings;
  const settings = both || flags.settings;
  return {
    from: flags.from.trim(),
    shopData: both || flags['shop-data'],
    settings,
    key: fernetKeyOption(
      flags['old-key'] ?? deps.env.OLD_EMAIL_ENCRYPTION_KEY,
      flags['old-secret-key'] ?? deps.env.OLD_SECRET_KEY,
    ),
    timezone,
    periodMode,
    dryRun: flags['dry-run'],
    secretBox: settings ? createSecretBox(loadConfig({ SECRETS_KEY: secretsKey }, deps.env).SECRETS_KEY) : null,
    importedAt: (deps.now ?? new Date()).toISOString(),
  };
}

/** undefined: no old key given; null: given, but one the old system could not have encrypted with. */
function fernetKeyOption(emailKey: string | undefined, secretKey: string | undefined): Buffer | null | undefined {
  const given = [emailKey, secretKey].filter((value) => value !== undefined && value !== '');
  if (given.length === 0) return undefined;
  if (given.length > 1) {
    throw invalidField(
      '--old-key',
      'give --old-key or --old-secret-key, not both (the old system used EMAIL_ENCRYPTION_KEY when set)',
    );
  }
  const setting: OldKeySetting = emailKey ? { emailEncryptionKey: emailKey } : { secretKey: secretKey as string };
  return oldFernetKey(setting);
}

/** Thrown to roll the dry run's transaction back, carrying what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

async function importInto(sql: Sql, source: OldDatabase, options: ImportOptions): Promise<ImportSummary> {
  const old = options.settings ? await readOldSettings(source) : null;
  try {
    return (await sql.begin(async (tx) => {
      // Two imports at once: the second waits here, then refuses cleanly instead of colliding on ids.
      await tx`select pg_advisory_xact_lock(hashtext('reportmail.import-flask'))`;
      const summary: ImportSummary = {
        source: source.description,
        dryRun: options.dryRun,
        tables: null,
        settings: null,
        emailReports: old?.emailReports ?? 0,
        notices: [],
      };
      if (options.settings) await assertNoSettingsYet(tx);
      if (options.shopData) await importShopData(tx, source, options, summary);
      if (old) await importSettings(tx, old, options, summary);
      if (options.dryRun) throw new DryRunRollback(summary);
      return summary;
    })) as ImportSummary;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

async function importShopData(tx: TransactionSql, source: OldDatabase, options: ImportOptions, summary: ImportSummary) {
  if (await shopHoldsData(tx)) {
    throw new AppError(
      'CONFLICT',
      'The shop tables already hold data: --shop-data copies into empty ones only (leave it out to import only --settings).',
    );
  }
  summary.tables = await copyShopData(tx, source, options.importedAt);
  if (!options.dryRun) await advanceSequences(tx);
  const unpaid = await ticketsWithoutPayments(tx);
  if (unpaid > 0) {
    summary.notices.push(
      `${unpaid} ticket(s) have money on them (deposit_paid or Paid) but no repair_payment row: ` +
        'that money is not in any report (see docs/migrating-from-flask.md, "Repairs paid before repair_payment").',
    );
  }
}

async function importSettings(
  tx: TransactionSql,
  old: Awaited<ReturnType<typeof readOldSettings>>,
  options: ImportOptions,
  summary: ImportSummary,
) {
  if (!old.settings) {
    summary.notices.push('The old database has no smtp_settings row: no settings to import.');
    return;
  }
  if (old.rows > 1)
    summary.notices.push(
      `The old smtp_settings has ${old.rows} rows: imported the first (id ${old.settings.id}), as the old system used.`,
    );
  const plan = planSettings(old.settings, options);
  const scheduleId = await writeSettings(tx, plan, {
    secretBox: options.secretBox as SecretBox,
    importedAt: options.importedAt,
  });
  summary.settings = { plan, scheduleId };
  summary.notices.push(...plan.notices);
}
