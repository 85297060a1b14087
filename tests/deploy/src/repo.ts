import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function repoPath(relative: string): string {
  return join(REPO_ROOT, relative);
}

export function readRepoFile(relative: string): string {
  return readFileSync(repoPath(relative), 'utf8');
}

export function repoFileExists(relative: string): boolean {
  return existsSync(repoPath(relative));
}

type PackageJson = {
  name: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
};

export function readPackageJson(relativeDir: string): PackageJson {
  return JSON.parse(readRepoFile(join(relativeDir, 'package.json'))) as PackageJson;
}

type TsupOptions = { entry?: string[] | Record<string, string>; outDir?: string; format?: string | string[] };

/**
 * The files `tsup` writes for a service, read from its real tsup.config.ts (defineConfig returns the
 * options as given): `dist/<entry name>.js` for ESM.
 */
export async function tsupOutputs(serviceDir: string): Promise<string[]> {
  const module = (await import(pathToFileURL(repoPath(join(serviceDir, 'tsup.config.ts'))).href)) as {
    default: TsupOptions;
  };
  const options = module.default;
  const outDir = options.outDir ?? 'dist';
  const entry = options.entry ?? [];
  const names = Array.isArray(entry)
    ? entry.map((file) => file.replace(/^.*\//, '').replace(/\.[cm]?tsx?$/, ''))
    : Object.keys(entry);
  return names.map((name) => join(serviceDir, outDir, `${name}.js`));
}

/** `services/api/dist/main.js` → `services/api`, or undefined for a path outside services/. */
export function serviceDirOf(entryFile: string): string | undefined {
  return /^(services\/[^/]+)\//.exec(entryFile)?.[1];
}
