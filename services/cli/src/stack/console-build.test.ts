import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleBuildIsStale } from './console-build.js';

describe('consoleBuildIsStale', () => {
  let dir: string;
  const at = (iso: string) => new Date(iso);
  const touch = (path: string, iso: string) => utimes(path, at(iso), at(iso));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-build-'));
    await mkdir(join(dir, 'src', 'pages'), { recursive: true });
    await writeFile(join(dir, 'src', 'pages', 'Home.tsx'), 'export {}');
    await writeFile(join(dir, 'index.html'), '<div id="root"></div>');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is stale without a build, fresh after one, stale again when a nested source changes', async () => {
    expect(await consoleBuildIsStale(dir)).toBe(true);
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'index.html'), 'built');
    for (const path of ['src', 'src/pages', 'src/pages/Home.tsx', 'index.html']) {
      await touch(join(dir, path), '2026-12-01T10:00:00Z');
    }
    await touch(join(dir, 'dist', 'index.html'), '2026-12-01T11:00:00Z');
    expect(await consoleBuildIsStale(dir)).toBe(false);
    await touch(join(dir, 'src', 'pages', 'Home.tsx'), '2026-12-01T12:00:00Z');
    expect(await consoleBuildIsStale(dir)).toBe(true);
  });
});
