import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readPackageJson } from './repo.js';

const run = promisify(execFile);

/** The three programs `pnpm typecheck` checks: the console and the e2e tests need the DOM types. */
const TYPECHECK_PROJECTS = ['tsconfig.json', 'packages/console', 'tests/e2e'];

/** Every file a project's program holds, from tsc itself (resolution only: nothing is checked). */
async function filesOf(project: string): Promise<string[]> {
  const tsc = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
  const { stdout } = await run(tsc, ['-p', project, '--listFilesOnly'], { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
  return stdout
    .split('\n')
    .filter((line) => line && !line.includes('/node_modules/'))
    .map((file) => relative(REPO_ROOT, file));
}

describe('pnpm test', () => {
  it('checks PostgreSQL and Redis before the long steps, then typechecks, lints, builds the console and tests', () => {
    const scripts = readPackageJson('.').scripts ?? {};
    expect(scripts.test).toBe(
      'tsx packages/testing/src/preflight.ts && pnpm typecheck && pnpm lint && pnpm build:console && pnpm test:run',
    );
    expect(scripts.typecheck).toBe(TYPECHECK_PROJECTS.map((project) => `tsc -p ${project}`).join(' && '));
  });

  it('typechecks every TypeScript file in the repository, a new package or test folder included', async () => {
    const { stdout } = await run('git', ['ls-files', '*.ts', '*.tsx', '*.mts'], { cwd: REPO_ROOT });
    const tracked = stdout.split('\n').filter(Boolean);
    const checked = new Set((await Promise.all(TYPECHECK_PROJECTS.map(filesOf))).flat());
    expect(tracked.length).toBeGreaterThan(400);
    expect(tracked.filter((file) => !checked.has(file))).toEqual([]);
  });
});
