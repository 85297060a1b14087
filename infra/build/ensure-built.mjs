// Builds the service bundles whose sources changed since they were last built, so that `pnpm start` runs
// bundles (plain Node, no TypeScript compiler loaded into five processes) without anyone running
// `pnpm build` first: after a clone or a pull it builds, otherwise it costs a few hundred stat calls.
// Plain JavaScript on purpose: it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVICES = ['cli', 'api', 'scheduler', 'report-worker', 'mail-worker', 'all-in-one'];
/** Inlined into every bundle (workspace packages), or deciding how it is built. */
const SHARED_INPUTS = ['packages', 'infra/build', 'pnpm-lock.yaml', 'patches'];
const SKIPPED = new Set(['node_modules', 'dist', '.turbo']);

/** Newest modification time under `path`, tests and build output left out; 0 when it does not exist. */
function newestChange(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (!SKIPPED.has(entry)) newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function builtAt(service) {
  try {
    return statSync(join(ROOT, 'services', service, 'dist', 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
}

const shared = Math.max(...SHARED_INPUTS.map((input) => newestChange(join(ROOT, input))));
/** Services named on the command line (`pnpm report` needs only `cli`), else all of them. */
const wanted = process.argv.slice(2);
const unknown = wanted.filter((service) => !SERVICES.includes(service));
if (unknown.length > 0) {
  process.stderr.write(`ensure-built: unknown service ${unknown.join(', ')} (one of ${SERVICES.join(', ')})\n`);
  process.exit(2);
}
const stale = (wanted.length > 0 ? wanted : SERVICES).filter((service) => {
  const own = newestChange(join(ROOT, 'services', service));
  return Math.max(shared, own) > builtAt(service);
});
if (stale.length > 0) {
  // On stderr, build output included: the command that follows may write data to stdout (`pnpm report`'s JSON).
  process.stderr.write(`Building ${stale.join(', ')} (sources changed since the last build)…\n`);
  const filters = stale.flatMap((service) => ['--filter', `@reportmail/${service}`]);
  const build = spawnSync('pnpm', ['--silent', ...filters, 'build'], { cwd: ROOT, stdio: ['inherit', 2, 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
