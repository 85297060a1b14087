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
const stale = SERVICES.filter((service) => {
  const own = newestChange(join(ROOT, 'services', service));
  return Math.max(shared, own) > builtAt(service);
});
if (stale.length > 0) {
  process.stdout.write(`Building ${stale.join(', ')} (sources changed since the last build)…\n`);
  const filters = stale.flatMap((service) => ['--filter', `@reportmail/${service}`]);
  const build = spawnSync('pnpm', ['--silent', ...filters, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
