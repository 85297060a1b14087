import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sparePort } from './ports.js';

/** A redis-server of a test's own, on a spare port, that the test can stop and start again (fault tests). */
export type OwnRedisServer = {
  url: string;
  port: number;
  /** SHUTDOWN by SIGTERM: with AOF on, what it holds is written and read back at the next start. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it and removes its data folder. */
  remove: () => Promise<void>;
};

/** Resolves once the server says it accepts connections (an event in its log, not a wait). */
function launch(port: number, dir: string, appendOnly: boolean): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--dir',
      dir,
      '--appendonly',
      appendOnly ? 'yes' : 'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Ready to accept connections')) resolve(child);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Whether this machine can run a redis-server of a test's own (Debian's redis-server package). */
export const canRunOwnRedisServer = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

export async function startOwnRedisServer(options: { appendOnly?: boolean } = {}): Promise<OwnRedisServer> {
  const [port, dir] = await Promise.all([sparePort(), mkdtemp(join(tmpdir(), 'reportmail-redis-'))]);
  const appendOnly = options.appendOnly ?? true;
  let child: ChildProcess | null = await launch(port, dir, appendOnly);
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start: async () => {
      child ??= await launch(port, dir, appendOnly);
    },
    remove: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
