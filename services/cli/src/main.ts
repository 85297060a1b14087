import { ConfigError } from '@reportmail/config';
import type { Database } from '@reportmail/db';
import { isAppError } from '@reportmail/errors';
import { createLogger } from '@reportmail/logger';
import { COMMANDS, USAGE } from './commands/index.js';
import { loadCliConfig } from './config.js';
import { STACK_DEFAULTS, setVariables, stackEnvironment } from './stack/stack-env.js';

async function main(argv: string[]): Promise<number> {
  const [name = '', ...rest] = argv;
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`${name && name !== '--help' ? `Unknown command "${name}".\n` : ''}${USAGE}\n`);
    return name === '--help' ? 0 : 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  const stack = entry.stack ? await stackEnvironment(process.env) : undefined;
  // On one box every command reads the database `pnpm start` uses unless DATABASE_URL says otherwise.
  const config = loadCliConfig(
    stack?.env ?? { DATABASE_URL: STACK_DEFAULTS.DATABASE_URL, ...setVariables(process.env) },
  );
  const logger = createLogger({ service: 'cli', level: config.LOG_LEVEL });
  let database: Database | undefined;
  const openDatabase = async () => {
    const { createDatabase } = await import('@reportmail/db');
    database ??= createDatabase(config.DATABASE_URL, { max: 2, applicationName: `reportmail-cli-${name}` });
    return database;
  };
  try {
    return (await command.run({ config, openDatabase, logger, stack, stdout: process.stdout }, rest)) ?? 0;
  } catch (error) {
    const { explainDatabaseError } = await import('@reportmail/db');
    throw explainDatabaseError(error, config.DATABASE_URL);
  } finally {
    await database?.close();
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
