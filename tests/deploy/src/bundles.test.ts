import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPackageJson, repoFileExists, repoPath } from './repo.js';

const SERVICES = readdirSync(repoPath('services')).map((name) => `services/${name}`);
const workspaceDirs = new Map(
  ['packages', 'services']
    .flatMap((root) => readdirSync(repoPath(root)).map((name) => `${root}/${name}`))
    .filter((dir) => repoFileExists(`${dir}/package.json`))
    .map((dir) => [readPackageJson(dir).name, dir]),
);

/**
 * Every npm dependency of the workspace packages a service depends on, however indirectly. The bundle
 * inlines those packages but leaves their npm imports external, and Node resolves them from the
 * service's own node_modules (in the repository and in a pnpm deploy alike): each must be a dependency
 * of the service itself, or the bundle stops with ERR_MODULE_NOT_FOUND.
 */
function npmDependenciesInlined(serviceDir: string): Map<string, string> {
  const needed = new Map<string, string>();
  const seen = new Set<string>();
  const pending = Object.keys(readPackageJson(serviceDir).dependencies ?? {});
  while (pending.length > 0) {
    const name = pending.pop() ?? '';
    const dir = workspaceDirs.get(name);
    if (seen.has(name) || !dir) continue;
    seen.add(name);
    for (const [dependency, range] of Object.entries(readPackageJson(dir).dependencies ?? {})) {
      if (workspaceDirs.has(dependency)) pending.push(dependency);
      else needed.set(dependency, range);
    }
  }
  return needed;
}

describe('service bundles', () => {
  it.each(SERVICES)('%s builds with tsup', (dir) => {
    expect(repoFileExists(`${dir}/tsup.config.ts`)).toBe(true);
    expect(readPackageJson(dir).scripts?.build).toBe('tsup');
  });

  it.each(SERVICES)('%s declares every npm package its inlined workspace code imports', (dir) => {
    const own = readPackageJson(dir).dependencies ?? {};
    const missing = [...npmDependenciesInlined(dir)].filter(([name]) => !(name in own));
    expect(missing.map(([name, range]) => `"${name}": "${range}"`)).toEqual([]);
  });
});
