import type { Database } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import type { CliConfig } from '../config.js';
import type { StackEnvironment } from '../stack/stack-env.js';
export const USAGE = `Usage: reportmail <command> [options]
  (pnpm start | demo | report | db:migrate | db:seed | import:flask | admin:password | bench:report)

Commands: start, demo, report, migrate, seed, import-flask, admin-password, bench-report.
Add --help to any of them.`;

/** What every command may use, built once by main.ts. */
export type CommandContext = {
  config: CliConfig;
  /** Opened on first use (and closed by main.ts): `pnpm start`'s long-lived process never loads the driver. */
  openDatabase: () => Promise<Database>;
  logger: Logger;
  /** Only for the commands that run services (`stack: true`). */
  stack: StackEnvironment | undefined;
  stdout: NodeJS.WriteStream;
};

/** What a command is, loaded only when it runs: `pnpm start`'s long-lived process holds nothing else. */
export type CommandModule = {
  help: string;
  /** Resolves with an exit status when the command ends with one of its own (a failed step of `start`). */
  run: (context: CommandContext, argv: string[]) => Promise<number | void>;
};

type Command = {
  /** Runs the services on this machine: works with nothing configured (see stackEnvironment). */
  stack?: boolean;
  load: () => Promise<CommandModule>;
};

const currencyOf = (config: CliConfig) => ({ symbol: config.CURRENCY_SYMBOL, locale: config.CURRENCY_LOCALE });
const stackOf = (context: CommandContext) => context.stack as StackEnvironment;

export const COMMANDS: Record<string, Command> = {
  report: {
    load: async () => {
      const { REPORT_HELP, runReportCommand } = await import('./report.js');
      return {
        help: REPORT_HELP,
        run: async ({ config, openDatabase, stdout }, argv) => {
          const { sql } = await openDatabase();
          await runReportCommand({ sql, timezone: config.REPORT_TIMEZONE, currency: currencyOf(config), stdout }, argv);
        },
      };
    },
  },
  migrate: {
    load: async () => {
      const { MIGRATE_HELP, runMigrateCommand } = await import('./migrate.js');
      return {
        help: MIGRATE_HELP,
        run: async ({ config, openDatabase, stdout }) => {
          const { sql } = await openDatabase();
          await runMigrateCommand({ sql, url: config.DATABASE_URL, stdout });
        },
      };
    },
  },
  seed: {
    load: async () => {
      const { SEED_HELP, runSeedCommand } = await import('./seed.js');
      return {
        help: SEED_HELP,
        run: async ({ config, openDatabase, stdout }, argv) => {
          const { sql } = await openDatabase();
          await runSeedCommand({ sql, timezone: config.REPORT_TIMEZONE, stdout }, argv);
        },
      };
    },
  },
  'import-flask': {
    load: async () => {
      const { IMPORT_FLASK_HELP, runImportFlaskCommand } = await import('./import-flask.js');
      return {
        help: IMPORT_FLASK_HELP,
        run: async ({ config, openDatabase, stdout }, argv) => {
          const { sql } = await openDatabase();
          await runImportFlaskCommand({ sql, timezone: config.REPORT_TIMEZONE, env: process.env, stdout }, argv);
        },
      };
    },
  },
  'admin-password': {
    load: async () => {
      const { ADMIN_PASSWORD_HELP, runAdminPasswordCommand } = await import('./admin-password.js');
      return {
        help: ADMIN_PASSWORD_HELP,
        run: async ({ openDatabase, stdout }, argv) => {
          const { db } = await openDatabase();
          await runAdminPasswordCommand({ db, env: process.env, stdout }, argv);
        },
      };
    },
  },
  'bench-report': {
    load: async () => {
      const { BENCH_HELP, runBenchCommand } = await import('./bench-report.js');
      return {
        help: BENCH_HELP,
        run: ({ config, logger, stdout }, argv) =>
          runBenchCommand({ databaseUrl: config.DATABASE_URL, logger, stdout }, argv),
      };
    },
  },
  start: {
    stack: true,
    load: async () => {
      const { START_HELP, runStartCommand } = await import('./start.js');
      return {
        help: START_HELP,
        run: (context, argv) => runStartCommand({ stack: stackOf(context), stdout: context.stdout }, argv),
      };
    },
  },
  prepare: {
    stack: true,
    load: async () => {
      const { PREPARE_HELP, runPrepareCommand } = await import('./prepare.js');
      return {
        help: PREPARE_HELP,
        run: (context) => runPrepareCommand({ stack: stackOf(context), stdout: context.stdout }),
      };
    },
  },
  demo: {
    stack: true,
    load: async () => {
      const { DEMO_HELP, runDemoCommand } = await import('./demo.js');
      return {
        help: DEMO_HELP,
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
      };
    },
  },
};
