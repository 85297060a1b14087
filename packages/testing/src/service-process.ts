import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** One JSON log line of a service (pino), or `{ msg }` for a line that is not JSON. */
export type LogLine = Record<string, unknown> & { msg?: string };

export type ServiceProcess = {
  name: string;
  child: ChildProcess;
  logs: LogLine[];
  /** Resolves with the first log line (past or future) matching `match`; rejects if the process exits first. */
  waitForLog: (match: (line: LogLine) => boolean, description?: string) => Promise<LogLine>;
  /** SIGTERM, then resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL: no shutdown code runs, as when the machine or the OOM killer stops it. */
  kill: () => Promise<void>;
};

/**
 * The built bundle (`services/<name>/dist/main.js`, as `pnpm start` runs it) when `REPORTMAIL_SERVICES` is
 * `built` (`pnpm faults` sets it after building); else the TypeScript source through tsx.
 */
function serviceCommand(name: string): string[] {
  if (process.env.REPORTMAIL_SERVICES !== 'built') return ['--import', 'tsx', `services/${name}/src/main.ts`];
  const bundle = `services/${name}/dist/main.js`;
  if (!existsSync(join(REPO_ROOT, bundle))) throw new Error(`${bundle} is missing: build the services first`);
  return [bundle];
}

/**
 * Starts a service as a real child process, with `env` over the current one and `args` after it (a CLI
 * command, say). `nodeArgs` go to Node itself, before the entry (`--cpu-prof`, say).
 */
export function startServiceProcess(
  name: string,
  env: Record<string, string>,
  args: string[] = [],
  nodeArgs: string[] = [],
): ServiceProcess {
  const child = spawn(process.execPath, [...nodeArgs, ...serviceCommand(name), ...args], {
    cwd: REPO_ROOT,
    // Built bundles run as deployed: React's production build unless NODE_ENV says otherwise.
    env: { ...(process.env.REPORTMAIL_SERVICES === 'built' ? { NODE_ENV: 'production' } : {}), ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exit.then((code) => {
    exited = code;
  });
  const onLine = (text: string) => {
    const line = parseLine(text);
    logs.push(line);
    for (const waiter of waiters.filter((w) => w.match(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  };
  readLines(child.stdout, onLine);
  readLines(child.stderr, onLine);
  return {
    name,
    child,
    logs,
    waitForLog: (match, description = 'a matching log line') => {
      const seen = logs.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<LogLine>((resolve, reject) => {
        waiters.push({ match, resolve });
        void exit.then((code) => reject(new Error(`${name} exited (${code}) before ${description}:\n${tail(logs)}`)));
      });
    },
    stop: async () => {
      if (exited === undefined) child.kill('SIGTERM');
      return exit;
    },
    kill: async () => {
      if (exited === undefined) child.kill('SIGKILL');
      await exit;
    },
  };
}

function readLines(stream: NodeJS.ReadableStream | null, onLine: (text: string) => void): void {
  let buffered = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line);
  });
}

function parseLine(text: string): LogLine {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as LogLine) : { msg: text };
  } catch {
    return { msg: text };
  }
}

function tail(logs: LogLine[]): string {
  return logs
    .slice(-15)
    .map((line) => JSON.stringify(line))
    .join('\n');
}
