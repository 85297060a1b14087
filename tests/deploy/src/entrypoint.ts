import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from './repo.js';
import type { Environment } from './service-configs.js';

/** Where the image's entrypoint keeps the secrets it generates (a volume shared by the services). */
export const SECRETS_DIR = '/var/lib/reportmail/secrets';
export const ENTRYPOINT_SCRIPT = 'infra/docker/entrypoint.sh';

export type EntrypointRun = { environment: Environment; output: string; exitCode: number | null };

/**
 * A folder of stand-in commands put first on PATH: `mountpoint` answers as if the secrets folder were
 * the mounted volume (or not), which a temporary folder of a test never is.
 */
export function fakeMountpointBin(root: string, mounted: boolean): string {
  const bin = join(root, mounted ? 'bin-mounted' : 'bin-unmounted');
  mkdirSync(bin, { recursive: true });
  const script = join(bin, 'mountpoint');
  writeFileSync(script, `#!/bin/sh\nexit ${mounted ? 0 : 1}\n`);
  chmodSync(script, 0o755);
  return bin;
}

type RunOptions = { environment: Environment; secretsDir: string; bin: string };

/**
 * Runs the real entrypoint with `node` printing the environment it hands to the service, as JSON on
 * fd 3, so anything the script itself printed on stdout or stderr shows up in `output`.
 */
export function runEntrypoint({ environment, secretsDir, bin }: RunOptions): Promise<EntrypointRun> {
  const printEnvironment = "require('node:fs').writeSync(3, JSON.stringify(process.env))";
  const child = spawn('sh', [repoPath(ENTRYPOINT_SCRIPT), process.execPath, '-e', printEnvironment], {
    env: { ...environment, PATH: `${bin}:${process.env.PATH ?? ''}`, REPORTMAIL_SECRETS_DIR: secretsDir },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const chunks: Record<'output' | 'environment', Buffer[]> = { output: [], environment: [] };
  child.stdout?.on('data', (chunk: Buffer) => chunks.output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.output.push(chunk));
  child.stdio[3]?.on('data', (chunk: Buffer) => chunks.environment.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const printed = Buffer.concat(chunks.environment).toString('utf8');
      resolve({
        environment: printed ? (JSON.parse(printed) as Environment) : {},
        output: Buffer.concat(chunks.output).toString('utf8'),
        exitCode,
      });
    });
  });
}
