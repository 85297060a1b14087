import { ConfigError } from '@reportmail/config';
import { createDatabase, explainDatabaseError } from '@reportmail/db';
import { isAppError } from '@reportmail/errors';
import { createLogger } from '@reportmail/logger';
import { BENCH_HELP, runBenchCommand } from './commands/bench-report.js';
import { MIGRATE_HELP, runMigrateCommand } from './commands/migrate.js';
import { REPORT_HELP, runReportCommand } from './commands/report.js';
import { runSeedCommand, SEED_HELP } from './commands/seed.js';
import { loadCliConfig } from './config.js';

const USAGE = `Usage: reportmail <command> [options]   (pnpm report | db:migrate | db:seed | bench:report)

Commands: report, migrate, seed, bench-report. Add --help to any of them.`;

const HELP: Record<string, string> = {
  report: REPORT_HELP,
  migrate: MIGRATE_HELP,
  seed: SEED_HELP,
  'bench-report': BENCH_HELP,
};

async function main(argv: string[]): Promise<number> {
  const [command = '', ...rest] = argv;
  const help = HELP[command];
  if (!help) {
    process.stderr.write(`${command && command !== '--help' ? `Unknown command "${command}".\n` : ''}${USAGE}\n`);
    return command === '--help' ? 0 : 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  const config = loadCliConfig();
  const logger = createLogger({ service: 'cli', level: config.LOG_LEVEL });
  const database = createDatabase(config.DATABASE_URL, { max: 2, applicationName: `reportmail-cli-${command}` });
  const stdout = process.stdout;
  try {
    const currency = { symbol: config.CURRENCY_SYMBOL, locale: config.CURRENCY_LOCALE };
    const timezone = config.REPORT_TIMEZONE;
    if (command === 'report') await runReportCommand({ sql: database.sql, timezone, currency, stdout }, rest);
    if (command === 'migrate') await runMigrateCommand({ sql: database.sql, url: config.DATABASE_URL, stdout });
    if (command === 'seed') await runSeedCommand({ sql: database.sql, timezone, stdout }, rest);
    if (command === 'bench-report') await runBenchCommand({ databaseUrl: config.DATABASE_URL, logger, stdout }, rest);
    return 0;
  } catch (error) {
    throw explainDatabaseError(error, config.DATABASE_URL);
  } finally {
    await database.close();
  }
}

/** Expected failures get one clear line and a distinct exit code; anything else is a bug with a stack. */
function exitCodeFor(error: unknown): number {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (isAppError(error)) {
    process.stderr.write(`error: ${error.message}\n`);
    return error.code === 'UNAVAILABLE' ? 3 : error.code === 'VALIDATION' || error.code === 'CONFLICT' ? 2 : 1;
  }
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

// A closed pipe (`pnpm report | head`) is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = exitCodeFor(error);
  },
);
