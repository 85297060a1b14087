import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createDelayWindow } from './delay-window.js';
import { startEventLoopWatchdog } from './index.js';

const INDEX = fileURLToPath(new URL('./index.ts', import.meta.url));

type Ended = { code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string; ms: number };

/** Runs `body` in a child `node` (TypeScript through tsx) that has started a watchdog with stallMs 500. */
async function runChild(body: string): Promise<Ended> {
  const source = `
    import { startEventLoopWatchdog } from ${JSON.stringify(INDEX)};
    const watchdog = startEventLoopWatchdog({ service: 'child', stallMs: 500, logger: { warn: () => {} } });
    ${body}`;
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  // 'close', not 'exit': the output is complete then.
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stderr, stdout, ms: Date.now() - started };
}

const blockSync = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // the event loop cannot turn meanwhile
  }
};

describe('startEventLoopWatchdog in a real process', () => {
  it('kills a process whose event loop is blocked, with one fatal line on stderr', async () => {
    const ended = await runChild(`process.stdout.write('blocking\\n'); for (;;) {}`);
    expect(ended.stdout).toBe('blocking\n');
    expect([ended.code, ended.signal]).toEqual([null, 'SIGKILL']);
    expect(ended.ms).toBeLessThan(15_000);
    const lines = ended.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const fatal = JSON.parse(lines[0] ?? '');
    expect(fatal).toMatchObject({ level: 60, service: 'child' });
    expect(fatal.blockedMs).toBeGreaterThanOrEqual(500);
    expect(fatal.msg).toBe(`event loop blocked for ${fatal.blockedMs} ms: killing the process so it restarts`);
  });

  it('leaves alone a process whose loop keeps turning (short blocks included), and never keeps it alive', async () => {
    const ended = await runChild(`
      // 2 s of work in 250 ms synchronous slices, each under the 500 ms limit and each started by a
      // timer, so the heartbeat's timer has its turn between two of them (two slices back to back, with
      // no timers phase between, would be a 500 ms block). Then nothing is left to do, and the process
      // must end by itself though the watchdog runs.
      const slice = (left) => {
        const until = Date.now() + 250;
        while (Date.now() < until) {}
        if (left > 1) setTimeout(() => slice(left - 1), 10);
      };
      setTimeout(() => slice(8), 10);`);
    expect([ended.code, ended.signal, ended.stderr]).toEqual([0, null, '']);
  });

  it('stop() ends the watchdog: a block after it is not punished', async () => {
    const ended = await runChild(`
      await watchdog.stop();
      const until = Date.now() + 1500;
      while (Date.now() < until) {}
      process.stdout.write('survived\\n');`);
    expect([ended.code, ended.signal, ended.stdout, ended.stderr]).toEqual([0, null, 'survived\n', '']);
  });
});

describe('eventLoopDelay', () => {
  it('measures a synchronous block, before and after the heartbeat has had its turn', async () => {
    const watchdog = startEventLoopWatchdog({ service: 'test', stallMs: 60_000, logger: { warn: () => {} } });
    try {
      expect(watchdog.eventLoopDelay().maxMs).toBeLessThan(250);
      blockSync(400);
      expect(watchdog.eventLoopDelay().maxMs).toBeGreaterThanOrEqual(300);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(watchdog.eventLoopDelay()).toEqual({ maxMs: expect.any(Number), windowMs: 10_000 });
      expect(watchdog.eventLoopDelay().maxMs).toBeGreaterThanOrEqual(300);
    } finally {
      await watchdog.stop();
    }
  });

  it('forgets a delay once it is older than the window', async () => {
    const watchdog = startEventLoopWatchdog({
      service: 'test',
      stallMs: 60_000,
      windowMs: 500,
      logger: { warn: () => {} },
    });
    try {
      blockSync(300);
      expect(watchdog.eventLoopDelay().maxMs).toBeGreaterThanOrEqual(200);
      await vi.waitFor(() => expect(watchdog.eventLoopDelay().maxMs).toBeLessThan(100), { timeout: 5_000 });
    } finally {
      await watchdog.stop();
    }
  });
});

describe('createDelayWindow', () => {
  it('keeps the maximum of the last window and drops older slices', () => {
    const window = createDelayWindow(10_000);
    window.record(0, 1_500);
    window.record(4_000, 20);
    expect(window.max(5_000)).toBe(1_500);
    expect(window.max(9_900)).toBe(1_500);
    expect(window.max(10_500)).toBe(20);
    window.record(30_000, 5);
    expect(window.max(30_000)).toBe(5);
  });
});
