import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What `vite build` reads: a change to any of these makes the built console stale. */
const CONSOLE_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Whether the console's dist is missing or older than one of its sources. */
export async function consoleBuildIsStale(consoleDir: string): Promise<boolean> {
  const built = await stat(join(consoleDir, 'dist', 'index.html')).catch(() => null);
  if (!built) return true;
  const sources = await Promise.all(CONSOLE_INPUTS.map((input) => newestChange(join(consoleDir, input))));
  return Math.max(...sources) > built.mtimeMs;
}

/**
 * Builds the web console with its own Vite when its sources are newer than its build (a fresh clone, a
 * pull): `pnpm start` then serves what the sources say, with nobody running `pnpm build` first.
 */
export async function ensureConsoleBuilt(root: string, stdout: NodeJS.WritableStream): Promise<'fresh' | 'built'> {
  const consoleDir = join(root, 'packages', 'console');
  if (!(await consoleBuildIsStale(consoleDir))) return 'fresh';
  stdout.write('Building the web console (its sources changed since the last build)…\n');
  const vite = join(consoleDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: consoleDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    throw new Error(`building the web console failed (vite build exited ${code}):\n${Buffer.concat(output)}`);
  }
  return 'built';
}
