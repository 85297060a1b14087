// `pnpm bench:pipeline`: schedules due together (or one a minute), delivered by the built services as
// separate processes to an SMTP sink in a process of its own. Prints delays, duplicates, losses, and CPU
// per delivery by process; with --profile, the workers' CPU by part of the work.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { percentile } from './bench-support.js';
import { type PipelineRunOptions, type PipelineRunResult, runPipeline } from './pipeline/pipeline-run.js';
import { addBreakdown, PARTS, type Part, profileBreakdown } from './pipeline/profile-breakdown.js';

const HELP = `Usage: pnpm bench:pipeline [--schedules 1000] [--workers 2] [--report-concurrency 2] [--mail-concurrency 8]
                           [--scaling] [--one-a-minute N] [--profile] [--lead S]

Creates a fresh database (reportmail_bench_pipeline on DATABASE_URL's server) and N daily schedules due at
the same minute (Asia/Manila) over a busy day (500 payments), starts the built scheduler and --workers
report-worker and mail-worker processes each, and an SMTP sink in a process of its own. Prints delays from
the scheduled instant to SMTP acceptance (p50, p95, max), duplicates, losses, and CPU per delivery by
process, from the first due instant until the last acceptance was recorded.
  --scaling         the same run with 1, 2 and 4 worker processes of each kind
  --one-a-minute N  N schedules due one a minute (one delivery at a time on an idle stack), 1 worker each
  --profile         V8 CPU profiles of the workers (kept in var/bench-profiles/ for Chrome DevTools): their CPU
                    per delivery split by part of the work as their main-thread samples split`;

const PROFILES = fileURLToPath(new URL('../../../var/bench-profiles/', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schedules: { type: 'string', default: '1000' },
      workers: { type: 'string', default: '2' },
      'report-concurrency': { type: 'string', default: '2' },
      'mail-concurrency': { type: 'string', default: '8' },
      scaling: { type: 'boolean', default: false },
      'one-a-minute': { type: 'string' },
      profile: { type: 'boolean', default: false },
      lead: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const single = values['one-a-minute'] ? Number(values['one-a-minute']) : 0;
  const schedules = single || Number(values.schedules);
  const base = {
    schedules,
    oneAMinute: single > 0,
    reportConcurrency: Number(values['report-concurrency']),
    mailConcurrency: Number(values['mail-concurrency']),
    leadSeconds: values.lead ? Number(values.lead) : 30 + Math.ceil(schedules / 100),
  };
  const workerCounts = values.scaling ? [1, 2, 4] : [single > 0 ? 1 : Number(values.workers)];
  for (const workers of workerCounts) {
    const profileDir = values.profile ? join(PROFILES, new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const options: PipelineRunOptions = { ...base, reportWorkers: workers, mailWorkers: workers, profileDir };
    process.stdout.write(`\n${describe(options)}\n`);
    const result = await runPipeline(options);
    process.stdout.write(`${report(result)}\n`);
    if (profileDir) process.stdout.write(`${profileReport(profileDir, result)}\nprofiles: ${profileDir}\n`);
  }
}

function describe(options: PipelineRunOptions): string {
  const when = options.oneAMinute ? 'one a minute' : 'due at the same minute';
  return `${options.schedules} daily schedules ${when}; ${options.reportWorkers} report worker(s) × ${options.reportConcurrency}, ${options.mailWorkers} mail worker(s) × ${options.mailConcurrency}`;
}

function report(result: PipelineRunResult): string {
  const { delays, cpu } = result;
  const count = Math.max(result.accepted.length, 1);
  const last = delays.at(-1) ?? Number.NaN;
  const ms = (seconds: number) => ((seconds * 1000) / count).toFixed(1);
  return [
    `delivered ${result.expected - result.lost}/${result.expected}  duplicates ${result.duplicates} (ledger: ${result.periodsDoubled} periods doubled)  lost ${result.lost}  ledger sent ${result.ledgerSent}`,
    `scheduled instant → SMTP acceptance: p50 ${percentile(delays, 50).toFixed(2)} s  p95 ${percentile(delays, 95).toFixed(2)} s  max ${last.toFixed(2)} s  (${(result.accepted.length / Math.max(last, 0.001)).toFixed(1)} deliveries/s)`,
    `CPU per delivery: workers ${ms(cpu.report + cpu.mail)} ms (report ${ms(cpu.report)}, mail ${ms(cpu.mail)}); scheduler ${ms(cpu.scheduler)}, PostgreSQL ${ms(cpu.postgres)}, Redis ${ms(cpu.redis)}, SMTP sink ${ms(cpu.sink)}; whole machine ${ms(cpu.machine)} ms`,
  ].join('\n');
}

/**
 * Each worker role's CPU per delivery (from /proc) split as its profiles' main-thread samples split. The
 * samples measure wall time between ticks, so on a busy machine only their shares are meaningful; work on
 * other threads (libuv's deflate, V8's GC helpers) is spread over the parts in the same shares.
 */
function profileReport(dir: string, result: PipelineRunResult): string {
  const count = Math.max(result.accepted.length, 1);
  return (['report-worker', 'mail-worker'] as const)
    .map((role) => {
      const roleDir = join(dir, role);
      const parts = new Map<Part, number>();
      for (const file of readdirSync(roleDir)) addBreakdown(parts, profileBreakdown(join(roleDir, file)));
      const sampled = PARTS.reduce((sum, part) => sum + (parts.get(part) ?? 0), 0);
      const perDelivery = ((role === 'report-worker' ? result.cpu.report : result.cpu.mail) * 1000) / count;
      const shown = PARTS.map((part) => [part, (perDelivery * (parts.get(part) ?? 0)) / Math.max(sampled, 1)] as const)
        .filter(([, ms]) => ms >= 0.05)
        .map(([part, ms]) => `${part} ${ms.toFixed(1)}`)
        .join(', ');
      return `${role} ${perDelivery.toFixed(1)} ms per delivery: ${shown}`;
    })
    .join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:pipeline: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
