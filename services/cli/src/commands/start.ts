import { fork } from 'node:child_process';
import { once } from 'node:events';
import { parseFlags } from '../args.js';
import type { StackEnvironment } from '../stack/stack-env.js';
import { type ServiceName, Supervisor } from '../stack/supervisor.js';
import { apiListenUrl, waitForApiReady } from '../stack/wait-ready.js';
import type { Prepared } from './prepare.js';

export const START_HELP = `Usage: pnpm start   (pnpm dev: the same from the TypeScript source)

Runs the whole service on this machine: checks PostgreSQL and Redis (creating the database when it is
missing), applies migrations, builds the web console when its sources changed, then starts the API, the
scheduler, the report worker and the mail worker as separate processes from their bundles (\`pnpm start\`
rebuilds those whose sources changed first), restarting one that dies. Ctrl-C stops them all (each
finishes its current job), then the command ends with exit status 0.
  --all-in-one  run the API, the scheduler and both workers in one process (a small install: about a
                third of the memory; split services on other machines can still join it)
  --source      run the services' TypeScript source through tsx instead of their bundles (\`pnpm dev\`)

Nothing to configure for a first start: DATABASE_URL defaults to postgres://…@127.0.0.1:5432/reportmail,
REDIS_URL to redis://127.0.0.1:6379, and SECRETS_KEY and JWT_SECRET are generated once into var/local.env.
Until SMTP is set (PUT /v1/smtp-settings), mail goes to var/outbox/ as .eml files; the banner says which.`;

/** Started first to last: the pipeline is listening before the API takes a request. */
const START_ORDER: ServiceName[] = ['report-worker', 'mail-worker', 'scheduler', 'api'];

export type StartDeps = { stack: StackEnvironment; stdout: NodeJS.WriteStream };

export function apiBaseUrl(env: StackEnvironment['env']): string {
  return (env.PUBLIC_URL?.trim() || apiListenUrl(env)).replace(/\/+$/, '');
}

export function banner(env: StackEnvironment['env'], baseUrl: string, mail: string): string {
  return [
    '',
    `reportmail is running.`,
    `  Console        ${baseUrl}/   (open it in a browser and sign in)`,
    `  API            ${baseUrl}/v1`,
    `  API docs       ${baseUrl}/docs`,
    `  Queues         ${baseUrl}/admin/queues   (admins, signed in at the console)`,
    `  First admin    ${env.ADMIN_EMAIL ?? 'admin@localhost.localdomain'}${env.ADMIN_PASSWORD ? '' : ' (its generated password is printed above on the first start only)'}`,
    mail,
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}

/**
 * Runs `reportmail prepare` (servers checked, migrations, console build) as a process of its own, its
 * output straight to the terminal: the drivers it loads then leave with it instead of staying resident in
 * the supervisor for as long as the services run. Resolves with what it found, or with its exit status.
 */
async function prepareInChild(deps: StartDeps): Promise<Prepared | number> {
  const entry = process.argv[1] as string;
  const child = fork(entry, ['prepare'], { env: deps.stack.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let prepared: Prepared | undefined;
  child.on('message', (message) => {
    prepared = message as Prepared;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return code === 0 && prepared ? prepared : (code ?? 1);
}

/**
 * Resolves on the first SIGINT or SIGTERM and keeps listening until `dispose`: a terminal's Ctrl-C reaches
 * the whole foreground group, and pnpm then sends its own SIGINT too; a second signal left to Node's
 * default would kill this process mid-stop and pnpm would report the stop as a failure.
 */
function stopSignals() {
  const controller = new AbortController();
  let onSignal: () => void = () => {};
  const signalled = new Promise<void>((resolve) => {
    onSignal = () => {
      controller.abort();
      resolve();
    };
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
  const dispose = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
  };
  return { signalled, signal: controller.signal, dispose };
}

export async function runStartCommand(deps: StartDeps, argv: string[]): Promise<number | void> {
  const flags = parseFlags(argv, {
    source: { type: 'boolean', default: false },
    'all-in-one': { type: 'boolean', default: false },
  });
  const { env, root } = deps.stack;
  const prepared = await prepareInChild(deps);
  if (typeof prepared === 'number') return prepared;
  const stop = stopSignals();
  const supervisor = new Supervisor({ root, env, output: deps.stdout, built: !flags.source });
  for (const name of flags['all-in-one'] ? (['all-in-one'] as const) : START_ORDER) supervisor.start(name);

  const baseUrl = apiBaseUrl(env);
  // Ends on a signal or a service that cannot be kept running; readiness only prints the banner (or fails).
  const readiness = waitForApiReady(baseUrl, 90_000, stop.signal).then(() => {
    if (!stop.signal.aborted) deps.stdout.write(banner(env, baseUrl, prepared.mailLine));
    return new Promise<never>(() => {});
  });
  let failure: Error | undefined;
  try {
    const ended = await Promise.race([stop.signalled, supervisor.failure, readiness]);
    if (ended instanceof Error) failure = ended;
  } finally {
    deps.stdout.write('Stopping every service (each finishes its current job)…\n');
    await supervisor.stop();
    stop.dispose();
  }
  if (failure) throw failure;
  deps.stdout.write('Stopped.\n');
}
