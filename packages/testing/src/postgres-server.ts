import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sparePort } from './ports.js';

const run = promisify(execFile);

/** A PostgreSQL cluster of a test's own, on a spare port, that the test can stop and start (fault tests). */
export type OwnPostgresServer = {
  /** The `postgres` database as superuser `postgres` (trust on loopback). */
  adminUrl: string;
  /** The server's log (`pg_ctl -l`): with `log_statement` set, the statements it ran. */
  logFile: string;
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

export type OwnPostgresOptions = {
  /**
   * postgresql.conf settings for the cluster's whole life, `log_statement: 'mod'` and a `log_line_prefix`
   * with `%a`, say, to count which client wrote what.
   */
  settings?: Record<string, string>;
};

/** `name = 'value'` lines; a quote inside a value is doubled, as postgresql.conf reads it. */
const confLines = (settings: Record<string, string>) =>
  Object.entries(settings)
    .map(([name, value]) => `${name} = '${value.replaceAll("'", "''")}'\n`)
    .join('');

export async function startOwnPostgresServer(options: OwnPostgresOptions = {}): Promise<OwnPostgresServer> {
  const [bin, port, dir] = await Promise.all([binDir(), sparePort(), mkdtemp(join(tmpdir(), 'reportmail-pg-'))]);
  await chmod(dir, 0o777);
  const data = join(dir, 'data');
  await asOwner(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  if (options.settings) await appendFile(join(data, 'postgresql.conf'), confLines(options.settings));
  const serverFlags = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const start = async () => {
    await asOwner(`${bin}/pg_ctl`, ['-D', data, '-o', serverFlags, '-w', '-l', join(dir, 'log'), 'start']);
  };
  const stop = async () => {
    await asOwner(`${bin}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    logFile: join(dir, 'log'),
    stop,
    start,
    remove: async () => {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
