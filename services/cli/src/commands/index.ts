import type { Database } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import type { CliConfig } from '../config.js';
import type { StackEnvironment } from '../stack/stack-env.js';
import { ADMIN_PASSWORD_HELP, runAdminPasswordCommand } from './admin-password.js';
import { BENCH_HELP, runBenchCommand } from './bench-report.js';
import { DEMO_HELP, runDemoCommand } from './demo.js';
import { IMPORT_FLASK_HELP, runImportFlaskCommand } from './import-flask.js';
import { MIGRATE_HELP, runMigrateCommand } from './migrate.js';
import { REPORT_HELP, runReportCommand } from './report.js';
import { runSeedCommand, SEED_HELP } from './seed.js';
import { runStartCommand, START_HELP } from './start.js';

export const USAGE = `Usage: reportmail <command> [options]
  (pnpm start | demo | report | db:migrate | db:seed | import:flask | admin:password | bench:report)

Commands: start, demo, report, migrate, seed, import-flask, admin-password, bench-report.
Add --help to any of them.`;

/** What every command may use, built once by main.ts. */
export type CommandContext = {
  config: CliConfig;
  database: Database;
  logger: Logger;
  /** Only for the commands that run services (`stack: true`). */
  stack: StackEnvironment | undefined;
  stdout: NodeJS.WriteStream;
};

type Command = {
  help: string;
  /** Runs the services on this machine: works with nothing configured (see stackEnvironment). */
  stack?: boolean;
  run: (context: CommandContext, argv: string[]) => Promise<void>;
};

const currencyOf = (config: CliConfig) => ({ symbol: config.CURRENCY_SYMBOL, locale: config.CURRENCY_LOCALE });
const stackOf = (context: CommandContext) => context.stack as StackEnvironment;

export const COMMANDS: Record<string, Command> = {
  report: {
    help: REPORT_HELP,
    run: ({ config, database, stdout }, argv) =>
      runReportCommand(
        { sql: database.sql, timezone: config.REPORT_TIMEZONE, currency: currencyOf(config), stdout },
        argv,
      ),
  },
  migrate: {
    help: MIGRATE_HELP,
    run: ({ config, database, stdout }) => runMigrateCommand({ sql: database.sql, url: config.DATABASE_URL, stdout }),
  },
  seed: {
    help: SEED_HELP,
    run: ({ config, database, stdout }, argv) =>
      runSeedCommand({ sql: database.sql, timezone: config.REPORT_TIMEZONE, stdout }, argv),
  },
  'import-flask': {
    help: IMPORT_FLASK_HELP,
    run: ({ config, database, stdout }, argv) =>
      runImportFlaskCommand({ sql: database.sql, timezone: config.REPORT_TIMEZONE, env: process.env, stdout }, argv),
  },
  'admin-password': {
    help: ADMIN_PASSWORD_HELP,
    run: ({ database, stdout }, argv) => runAdminPasswordCommand({ db: database.db, env: process.env, stdout }, argv),
  },
  'bench-report': {
    help: BENCH_HELP,
    run: ({ config, logger, stdout }, argv) =>
      runBenchCommand({ databaseUrl: config.DATABASE_URL, logger, stdout }, argv),
  },
  start: {
    help: START_HELP,
    stack: true,
    run: (context, argv) => runStartCommand({ stack: stackOf(context), stdout: context.stdout }, argv),
  },
  demo: {
    help: DEMO_HELP,
    stack: true,
    run: (context, argv) =>
      runDemoCommand(
        {
          stack: stackOf(context),
          timezone: context.config.REPORT_TIMEZONE,
          currency: currencyOf(context.config),
          stdout: context.stdout,
        },
        argv,
      ),
  },
};
