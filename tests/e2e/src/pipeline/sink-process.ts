import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A message the sink accepted: which delivery, and when (ms since the epoch). */
export type Acceptance = { deliveryId: string; acceptedAt: number };

export type SinkProcess = {
  port: number;
  pid: number;
  accepted: Acceptance[];
  /** Resolves when `count` messages were accepted, or at `deadline` (ms since the epoch), whichever first. */
  waitFor: (count: number, deadline: number) => Promise<void>;
  close: () => Promise<void>;
};

/** Starts sink-main.ts in a process of its own and follows what it accepts. */
export async function startSinkProcess(): Promise<SinkProcess> {
  const entry = fileURLToPath(new URL('./sink-main.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const accepted: Acceptance[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let resolvePort: (port: number) => void = () => {};
  const port = new Promise<number>((resolve) => {
    resolvePort = resolve;
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const [first, second] = line.split(' ');
    if (first === 'listening') return resolvePort(Number(second));
    accepted.push({ deliveryId: first ?? '', acceptedAt: Number(second) });
    for (const waiter of waiters.filter((w) => accepted.length >= w.count)) waiter.resolve();
  });
  const exited = once(child, 'exit');
  const listening = await Promise.race([port, exited.then(() => null)]);
  if (listening === null) throw new Error('The SMTP sink process exited before it listened');
  return {
    port: listening,
    pid: child.pid as number,
    accepted,
    waitFor: (count, deadline) =>
      new Promise((resolve) => {
        if (accepted.length >= count) return resolve();
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
