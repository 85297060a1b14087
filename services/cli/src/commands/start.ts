import { parseFlags } from '../args.js';
import { prepareServers } from '../stack/preflight.js';
import type { StackEnvironment } from '../stack/stack-env.js';
import { type ServiceName, Supervisor } from '../stack/supervisor.js';
import { waitForApiReady } from '../stack/wait-ready.js';

export const START_HELP = `Usage: pnpm start [--built]

Runs the whole service on this machine: checks PostgreSQL and Redis (creating the database when it is
missing), applies migrations, then starts the API, the scheduler, the report worker and the mail worker
as separate processes, restarting one that dies. Ctrl-C stops them all (each finishes its current job).
  --built   run the bundles from \`pnpm build\` instead of the TypeScript source

Nothing to configure for a first start: DATABASE_URL defaults to postgres://…@127.0.0.1:5432/reportmail,
REDIS_URL to redis://127.0.0.1:6379, and SECRETS_KEY and JWT_SECRET are generated once into var/local.env.
Until SMTP is set (PUT /v1/smtp-settings), mail goes to var/outbox/ as .eml files.`;

/** Started first to last: the pipeline is listening before the API takes a request. */
const START_ORDER: ServiceName[] = ['report-worker', 'mail-worker', 'scheduler', 'api'];

export type StartDeps = { stack: StackEnvironment; stdout: NodeJS.WriteStream };

export function apiBaseUrl(env: StackEnvironment['env']): string {
  const host = env.HOST?.trim() || '127.0.0.1';
  const listening = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${env.PORT?.trim() || '3000'}`;
  return (env.PUBLIC_URL?.trim() || listening).replace(/\/+$/, '');
}

function banner(deps: StartDeps, baseUrl: string): string {
  const { env, outboxDir } = deps.stack;
  return [
    '',
    `reportmail is running.`,
    `  API            ${baseUrl}`,
    `  API docs       ${baseUrl}/docs`,
    `  Queues         ${baseUrl}/admin/queues   (sign in at ${baseUrl}/admin/login)`,
    `  First admin    ${env.ADMIN_EMAIL ?? 'admin@localhost.localdomain'}${env.ADMIN_PASSWORD ? '' : ' (its generated password is printed above on the first start only)'}`,
    `  Outbox         ${outboxDir}   (mail goes here until SMTP is configured)`,
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}

export async function runStartCommand(deps: StartDeps, argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { built: { type: 'boolean', default: false } });
  const { env, root } = deps.stack;
  const { createdDatabase } = await prepareServers({
    DATABASE_URL: env.DATABASE_URL as string,
    REDIS_URL: env.REDIS_URL as string,
  });
  deps.stdout.write(`PostgreSQL and Redis answer; ${createdDatabase ? 'database created, ' : ''}migrations applied.\n`);
  const supervisor = new Supervisor({ root, env, output: deps.stdout, built: flags.built });
  for (const name of START_ORDER) supervisor.start(name);

  const stopRequested = new AbortController();
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stopRequested.abort();
        resolve(signal);
      });
    }
  });
  const baseUrl = apiBaseUrl(env);
  // Ends on a signal or a service that cannot be kept running; readiness only prints the banner (or fails).
  const readiness = waitForApiReady(baseUrl, 90_000, stopRequested.signal).then(() => {
    if (!stopRequested.signal.aborted) deps.stdout.write(banner(deps, baseUrl));
    return new Promise<never>(() => {});
  });
  let failure: Error | undefined;
  try {
    const ended = await Promise.race([signalled, supervisor.failure, readiness]);
    if (ended instanceof Error) failure = ended;
  } finally {
    deps.stdout.write('Stopping every service (each finishes its current job)…\n');
    await supervisor.stop();
  }
  if (failure) throw failure;
  deps.stdout.write('Stopped.\n');
}
