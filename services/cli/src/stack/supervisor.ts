import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@reportmail/errors';
import { prefixedLines } from './log-lines.js';
import type { Env } from './stack-env.js';
import { apiHealthUrl, type HealthWatch, watchApiHealth } from './wait-ready.js';

export type ServiceName = 'api' | 'scheduler' | 'report-worker' | 'mail-worker' | 'all-in-one';

/** The services that serve HTTP: their /health is watched. */
const SERVING: ReadonlySet<ServiceName> = new Set(['api', 'all-in-one']);

export type SupervisorOptions = {
  root: string;
  env: Env;
  output: NodeJS.WriteStream;
  /** Run the tsup bundles (`pnpm build`) instead of the TypeScript source through tsx. */
  built?: boolean;
  /** How long a stopping service may finish its current job before it is killed. */
  stopTimeoutMs?: number;
  /**
   * Once the API has answered /health, an API that stops answering it is killed and restarted: a process
   * whose event loop is stuck answers nothing and ignores SIGTERM, but is alive, so it never exits on its
   * own. Defaults: /health where the API listens (HOST, PORT of `env`), every 5 s, 2 s timeout, 3 failures.
   * `false` turns it off.
   */
  apiHealth?: Partial<HealthWatch> | false;
};

/** A start that dies this soon, this many times in a row, is a configuration problem, not bad luck. */
const QUICK_EXIT_MS = 10_000;
const QUICK_EXITS_BEFORE_GIVING_UP = 3;
const MAX_RESTART_DELAY_MS = 30_000;
const HEALTH_WATCH = { intervalMs: 5_000, timeoutMs: 2_000, failures: 3 };

/**
 * The all-in-one is the small-server choice: a 1 MB young generation keeps it near 105 MB instead of
 * 110–135 MB depending on when V8's idle memory reducer runs, for some 10–20% more CPU in allocation-heavy
 * work (an email render); the split services keep V8's default for throughput.
 */
const NODE_FLAGS: Partial<Record<ServiceName, string[]>> = { 'all-in-one': ['--max-semi-space-size=1'] };

function commandOf(root: string, name: ServiceName, built: boolean): string[] {
  const flags = NODE_FLAGS[name] ?? [];
  if (!built) return [...flags, '--import', 'tsx', join(root, 'services', name, 'src', 'main.ts')];
  const bundle = join(root, 'services', name, 'dist', 'main.js');
  if (!existsSync(bundle))
    throw new AppError('VALIDATION', `${bundle} is missing: \`pnpm start\` builds it (or \`pnpm build\`)`);
  return [...flags, bundle];
}

type Running = {
  name: ServiceName;
  child: ChildProcess;
  startedAt: number;
  quickExits: number;
  /** Ends whatever watches this process (its /health probe) once it has exited. */
  watch: AbortController;
};

/**
 * Runs each service as its own process, restarts one that dies (with a growing delay) or, for the API,
 * stops answering /health, gives up on one that keeps dying at once, and stops all of them on `stop()`:
 * SIGTERM, then SIGKILL after the timeout.
 */
export class Supervisor {
  readonly #running = new Map<ServiceName, Running>();
  readonly #failed: { resolve: (error: Error) => void; promise: Promise<Error> };
  #stopping = false;

  constructor(private readonly options: SupervisorOptions) {
    // Should the supervisor itself crash, its services do not outlive it.
    process.once('exit', () => {
      for (const { child } of this.#running.values()) child.kill('SIGTERM');
    });
    let resolve: (error: Error) => void = () => {};
    const promise = new Promise<Error>((done) => {
      resolve = done;
    });
    this.#failed = { resolve, promise };
  }

  /** Resolves with the reason when a service could not be kept running. */
  get failure(): Promise<Error> {
    return this.#failed.promise;
  }

  start(name: ServiceName, quickExits = 0): void {
    const { root, env, output, built = false } = this.options;
    const child = spawn(process.execPath, commandOf(root, name, built), {
      cwd: root,
      // The built services are what a shop runs: React renders its emails in production mode (some 7 ms
      // less CPU per email than its development build) unless NODE_ENV says otherwise.
      env: { ...(built ? { NODE_ENV: 'production' } : {}), ...env, FORCE_COLOR: output.isTTY ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches the supervisor only, which then stops each
      // service exactly once (a second signal would kill one mid-job). On Windows a detached child would
      // open a console window of its own instead.
      detached: process.platform !== 'win32',
      windowsHide: true,
    });
    const write = prefixedLines(name, output);
    write(child.stdout);
    write(child.stderr);
    const watch = new AbortController();
    this.#running.set(name, { name, child, startedAt: Date.now(), quickExits, watch });
    child.once('exit', (code, signal) => {
      watch.abort();
      this.#exited(name, code, signal);
    });
    if (SERVING.has(name)) this.#watchHealth(name, child, watch.signal);
  }

  /** Kills an API that stopped answering /health; its exit then takes the normal restart path. */
  #watchHealth(name: ServiceName, child: ChildProcess, signal: AbortSignal): void {
    const { apiHealth, env } = this.options;
    if (apiHealth === false) return;
    const watch = { ...HEALTH_WATCH, url: apiHealthUrl(env), ...apiHealth };
    void watchApiHealth(watch, signal).then((unresponsive) => {
      if (!unresponsive || signal.aborted || this.#stopping) return;
      const seconds = Math.round(unresponsive.silentMs / 1000);
      this.#say(`${name} did not answer /health for ${seconds} s (${unresponsive.reason}): restarting it`);
      child.kill('SIGKILL');
    });
  }

  #say(text: string): void {
    this.options.output.write(`${'supervisor'.padEnd(13)}| ${text}\n`);
  }

  #exited(name: ServiceName, code: number | null, signal: NodeJS.Signals | null): void {
    const running = this.#running.get(name);
    this.#running.delete(name);
    if (this.#stopping || !running) return;
    const quick = Date.now() - running.startedAt < QUICK_EXIT_MS;
    const quickExits = quick ? running.quickExits + 1 : 0;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (quickExits >= QUICK_EXITS_BEFORE_GIVING_UP) {
      this.#failed.resolve(
        new Error(`${name} exited (${how}) ${quickExits} times right after starting: see its lines above`),
      );
      return;
    }
    const delay = Math.min(1_000 * 2 ** quickExits, MAX_RESTART_DELAY_MS);
    this.#say(`${name} exited (${how}); restarting in ${delay / 1000} s`);
    setTimeout(() => {
      if (!this.#stopping) this.start(name, quickExits);
    }, delay).unref();
  }

  /** Stops every service (each finishes its current job), killing those that take longer than the timeout. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.#stopping = true;
    const timeoutMs = this.options.stopTimeoutMs ?? 30_000;
    await Promise.all(
      [...this.#running.values()].map(async ({ child, watch }) => {
        watch.abort();
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
