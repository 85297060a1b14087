import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readPackageJson } from './repo.js';

type DryRunTask = { taskId: string; dependencies: string[]; inputs: Record<string, string> };

/** What `pnpm typecheck` would run and hash, from turbo itself (nothing runs). */
async function typecheckPlan(filter: string): Promise<Map<string, DryRunTask>> {
  const turbo = join(REPO_ROOT, 'node_modules', '.bin', 'turbo');
  const args = ['run', 'typecheck', `--filter=${filter}`, '--dry=json'];
  const { stdout } = await promisify(execFile)(turbo, args, { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  const plan = JSON.parse(stdout) as { tasks: DryRunTask[] };
  return new Map(plan.tasks.map((task) => [task.taskId, task]));
}

describe('pnpm test', () => {
  it('checks PostgreSQL and Redis before the long typecheck, then lints, builds the console and runs the tests', () => {
    expect(readPackageJson('.').scripts?.test).toBe(
      'tsx packages/testing/src/preflight.ts && pnpm typecheck && pnpm lint && pnpm build:console && pnpm test:run',
    );
  });

  it("typechecks through turbo's cache, which a change to a workspace dependency or the base tsconfig misses", async () => {
    const plan = await typecheckPlan('@reportmail/cli');
    const typecheck = plan.get('@reportmail/cli#typecheck');
    expect(typecheck?.dependencies).toEqual(['@reportmail/cli#transit']);
    expect(Object.keys(typecheck?.inputs ?? {})).toContain('../../tsconfig.base.json');
    expect(Object.keys(typecheck?.inputs ?? {})).toContain('src/main.ts');
    // The cli's hash is built from its dependencies' source files through the transit tasks.
    expect(Object.keys(plan.get('@reportmail/config#transit')?.inputs ?? {})).toContain('src/index.ts');
    expect(Object.keys(plan.get('@reportmail/config#transit')?.inputs ?? {})).not.toContain('src/index.test.ts');
  });

  it('re-typechecks the deploy tests when a service source they import changes', async () => {
    const plan = await typecheckPlan('@reportmail/deploy-tests');
    const inputs = Object.keys(plan.get('@reportmail/deploy-tests#typecheck')?.inputs ?? {});
    expect(inputs).toEqual(
      expect.arrayContaining(['../../services/api/src/config.ts', '../../packages/config/src/index.ts']),
    );
  });
});
