// `pnpm bench:one-box`: how long `pnpm start` takes to its banner and to stop, and `pnpm demo` end to end,
// each as the real command in a process of its own. Prints every run and the medians.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeyEntry } from '@reportmail/secrets';
import { createTestRedis, recreateMigratedDatabase, startServiceProcess } from '@reportmail/testing';

const HELP = `Usage: pnpm bench:one-box [--runs 3] [--source]

Times, over --runs runs each: \`pnpm start\` from the command to its "reportmail is running." banner and from
Ctrl-C (SIGINT) to every service stopped, and \`pnpm demo\` from the command to its exit. Uses the databases
reportmail_bench_start and reportmail_bench_demo on DATABASE_URL's server (recreated), a Redis prefix and an
outbox folder of its own. The CLI and services run from their bundles, as \`pnpm start\` runs them (the
command builds what is stale first); --source runs the services from their TypeScript source instead.`;

const seconds = (since: number) => (performance.now() - since) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timeStart(env: Record<string, string>, source: boolean): Promise<{ ready: number; stop: number }> {
  const started = performance.now();
  const start = startServiceProcess('cli', env, ['start', ...(source ? ['--source'] : [])]);
  await start.waitForLog((line) => line.msg === 'reportmail is running.', 'the banner');
  const ready = seconds(started);
  const stopping = performance.now();
  start.child.kill('SIGINT');
  const [code] = (await once(start.child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`pnpm start exited ${code}`);
  return { ready, stop: seconds(stopping) };
}

async function timeDemo(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  // The demo picks reportmail_demo on DATABASE_URL's server unless told: time the one recreated here.
  const demo = startServiceProcess('cli', env, ['demo', '--database', env.DATABASE_URL as string]);
  const [code] = (await once(demo.child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`pnpm demo exited ${code}:\n${demo.logs.map((line) => line.msg).join('\n')}`);
  return seconds(started);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      source: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error('--runs: expected 1 … 20');
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
  try {
    const startEnv = { ...env, DATABASE_URL: await recreateMigratedDatabase(adminUrl, 'reportmail_bench_start') };
    const demoEnv = { ...env, DATABASE_URL: await recreateMigratedDatabase(adminUrl, 'reportmail_bench_demo') };
    const starts: { ready: number; stop: number }[] = [];
    const demos: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      starts.push(await timeStart(startEnv, values.source));
      demos.push(await timeDemo(demoEnv));
      const last = starts.at(-1);
      process.stdout.write(
        `run ${run}: start → banner ${last?.ready.toFixed(2)} s, Ctrl-C → stopped ${last?.stop.toFixed(2)} s, demo ${demos.at(-1)?.toFixed(2)} s\n`,
      );
    }
    const line = (label: string, values: number[]) => `${label} ${median(values).toFixed(2)} s`;
    process.stdout.write(
      `medians of ${runs}: ${line(
        'start → banner',
        starts.map((s) => s.ready),
      )}, ` +
        `${line(
          'Ctrl-C → stopped',
          starts.map((s) => s.stop),
        )}, ${line('demo', demos)}` +
        `${values.source ? ' (services from source)' : ''}\n`,
    );
  } finally {
    await Promise.all([redis.cleanup(), rm(outbox, { recursive: true, force: true })]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:one-box: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
