// `pnpm bench:one-box`: how long `pnpm start` takes to its banner and to stop, the memory of what it runs
// (idle, and after 100 deliveries), split and all-in-one, and `pnpm demo` end to end, each as the real
// command in a process of its own. Prints every run and the medians.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { generateKeyEntry } from '@reportmail/secrets';
import { createTestRedis, recreateMigratedDatabase, startServiceProcess } from '@reportmail/testing';
import { childrenOf, driveDeliveries, type TreeMemory, treeMemory } from './footprint.js';
import { pnpmStartInProcessGroup } from './harness.js';

const HELP = `Usage: pnpm bench:one-box [--runs 3] [--source] [--settle 30]

Over --runs runs each, for the split services and for --all-in-one: \`pnpm start\` from the command to its
"reportmail is running." banner; the resident memory (RSS and PSS summed over the supervisor and the
services) --settle seconds after the banner, and again --settle seconds after 100 deliveries of a day of
500 payments (sent to the outbox); Ctrl-C (SIGINT) to every service stopped. Then \`pnpm demo\` from the
command to its exit. Uses the databases
reportmail_bench_start and reportmail_bench_demo on DATABASE_URL's server (recreated), a Redis prefix and an
outbox folder of its own. The CLI and services run from their bundles, as \`pnpm start\` runs them (the
command builds what is stale first); --source runs the services from their TypeScript source instead.`;

const seconds = (since: number) => (performance.now() - since) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

type StartRun = {
  ready: number;
  stop: number;
  idle: TreeMemory;
  busy: TreeMemory;
  deliveries: number;
  pnpmMb: number;
};
type StartOptions = { source: boolean; allInOne: boolean; settleMs: number; day: string };

/**
 * One `pnpm start` as a terminal runs it, timed from the command (pnpm and the bundle check included). The
 * memory is that of the CLI pnpm runs and everything under it; pnpm's own process is left out (systemd or
 * Docker do not run it) and printed apart.
 */
async function timeStart(env: Record<string, string>, options: StartOptions): Promise<StartRun> {
  const flags = [...(options.source ? ['--source'] : []), ...(options.allInOne ? ['--all-in-one'] : [])];
  const started = performance.now();
  const start = pnpmStartInProcessGroup(flags, env);
  await start.waitFor('reportmail is running.');
  const ready = seconds(started);
  const [cli] = await childrenOf(start.pid);
  if (cli === undefined) throw new Error('pnpm start runs no process');
  await delay(options.settleMs);
  const idle = await treeMemory(cli);
  const pnpm = (await treeMemory(start.pid)).rssMb - idle.rssMb;
  const deliveries = await driveDeliveries(env as Parameters<typeof driveDeliveries>[0], 100, options.day);
  await delay(options.settleMs);
  const busy = await treeMemory(cli);
  const stopping = performance.now();
  start.signalGroup('SIGINT');
  const [code] = await start.exited;
  if (code !== 0) throw new Error(`pnpm start exited ${code}:\n${start.output()}`);
  return { ready, stop: seconds(stopping), idle, busy, deliveries, pnpmMb: pnpm };
}

const memory = (tree: TreeMemory) => `${tree.rssMb.toFixed(0)} MB RSS / ${tree.pssMb.toFixed(0)} MB PSS`;

async function timeDemo(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  // The demo picks reportmail_demo on DATABASE_URL's server unless told: time the one recreated here.
  const demo = startServiceProcess('cli', env, ['demo', '--database', env.DATABASE_URL as string]);
  const [code] = (await once(demo.child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`pnpm demo exited ${code}:\n${demo.logs.map((line) => line.msg).join('\n')}`);
  return seconds(started);
}

/** Runs `pnpm start` --runs times in one mode, each over a freshly created database; prints each run. */
async function benchMode(
  env: Record<string, string>,
  options: StartOptions & { runs: number; adminUrl: string },
): Promise<StartRun[]> {
  const mode = options.allInOne ? 'all-in-one' : 'split';
  const results: StartRun[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const databaseUrl = await recreateMigratedDatabase(options.adminUrl, 'reportmail_bench_start');
    const result = await timeStart({ ...env, DATABASE_URL: databaseUrl }, options);
    results.push(result);
    process.stdout.write(
      `${mode} run ${run}: start → banner ${result.ready.toFixed(2)} s; idle ${memory(result.idle)} ` +
        `(${result.idle.processes} processes); 100 deliveries in ${result.deliveries.toFixed(1)} s, then ` +
        `${memory(result.busy)}; Ctrl-C → stopped ${result.stop.toFixed(2)} s; pnpm itself ${result.pnpmMb.toFixed(0)} MB RSS\n`,
    );
  }
  const middle = (pick: (run: StartRun) => number) => median(results.map(pick));
  process.stdout.write(
    `${mode}, medians of ${options.runs}: start → banner ${middle((r) => r.ready).toFixed(2)} s, idle ` +
      `${middle((r) => r.idle.rssMb).toFixed(0)} MB RSS / ${middle((r) => r.idle.pssMb).toFixed(0)} MB PSS, after ` +
      `100 deliveries ${middle((r) => r.busy.rssMb).toFixed(0)} MB RSS / ${middle((r) => r.busy.pssMb).toFixed(0)} ` +
      `MB PSS, Ctrl-C → stopped ${middle((r) => r.stop).toFixed(2)} s${options.source ? ' (services from source)' : ''}\n`,
  );
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      settle: { type: 'string', default: '30' },
      source: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs: expected 1 … 20');
  const settle = Number(values.settle);
  if (!Number.isInteger(settle) || settle < 0 || settle > 600) throw new Error('--settle: expected 0 … 600');
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const [redis, outbox] = await Promise.all([createTestRedis(), mkdtemp(join(tmpdir(), 'reportmail-bench-'))]);
  const env = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    OUTBOX_DIR: outbox,
    SECRETS_KEY: generateKeyEntry('bench'),
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    PORT: '3997',
    LOG_LEVEL: 'warn',
  };
  // Yesterday in Manila: the day the 100 deliveries report on.
  const day = new Date(Date.now() - 16 * 3_600_000).toISOString().slice(0, 10);
  try {
    const options = { runs, adminUrl, source: values.source, settleMs: settle * 1000, day };
    await benchMode(env, { ...options, allInOne: false });
    await benchMode(env, { ...options, allInOne: true });
    const demoEnv = { ...env, DATABASE_URL: await recreateMigratedDatabase(adminUrl, 'reportmail_bench_demo') };
    const demos: number[] = [];
    for (let run = 1; run <= runs; run += 1) demos.push(await timeDemo(demoEnv));
    process.stdout.write(
      `demo: ${demos.map((d) => d.toFixed(2)).join(', ')} s, median ${median(demos).toFixed(2)} s\n`,
    );
  } finally {
    await Promise.all([redis.cleanup(), rm(outbox, { recursive: true, force: true })]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:one-box: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
