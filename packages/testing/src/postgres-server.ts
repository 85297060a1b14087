import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sparePort } from './ports.js';

const run = promisify(execFile);

/** A PostgreSQL cluster of a test's own, on a spare port, that the test can stop and start (fault tests). */
export type OwnPostgresServer = {
  /** The `postgres` database as superuser `postgres` (trust on loopback). */
  adminUrl: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  remove: () => Promise<void>;
};

async function binDir(): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt install postgresql)');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** initdb refuses root: as root the cluster belongs to the `postgres` user Debian's package creates. */
const asOwner = (command: string, args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);

/** Whether this machine has PostgreSQL's server binaries to run a cluster of a test's own. */
export const canRunOwnPostgresServer = (): boolean => existsSync('/usr/lib/postgresql');

export async function startOwnPostgresServer(): Promise<OwnPostgresServer> {
  const [bin, port, dir] = await Promise.all([binDir(), sparePort(), mkdtemp(join(tmpdir(), 'reportmail-pg-'))]);
  await chmod(dir, 0o777);
  const data = join(dir, 'data');
  await asOwner(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const start = async () => {
    await asOwner(`${bin}/pg_ctl`, ['-D', data, '-o', options, '-w', '-l', join(dir, 'log'), 'start']);
  };
  const stop = async () => {
    await asOwner(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    remove: async () => {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
