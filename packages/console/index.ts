import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export { CONSOLE_PATHS } from './src/paths.js';

/**
 * Where the built console lives: this package's `dist`, found through the package's own name so it also
 * resolves from a service bundle (which inlines this file) or a deployed node_modules.
 */
export function consoleAssetsDir(): string {
  const manifest = createRequire(import.meta.url).resolve('@reportmail/console/package.json');
  return join(dirname(manifest), 'dist');
}

/** Whether `vite build` has written the console into `dir`. */
export function consoleIsBuilt(dir: string = consoleAssetsDir()): boolean {
  return existsSync(join(dir, 'index.html'));
}
