import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from '../test-fixtures.js';

const INDEX = '<!doctype html><div id="root"></div><script type="module" src="/assets/index-Ab12.js"></script>';

describe('the web console at /', () => {
  let dir: string;
  let built: ApiFixture;
  let notBuilt: ApiFixture;
  const get = (fixture: ApiFixture, url: string) => fixture.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reportmail-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), INDEX);
    await writeFile(join(dir, 'assets', 'index-Ab12.js'), 'export {};');
    [built, notBuilt] = await Promise.all([
      createApiFixture({ CONSOLE_DIR: dir }),
      createApiFixture({ CONSOLE_DIR: join(dir, 'missing') }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([built.close(), notBuilt.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    '/',
    '/sign-in',
    '/schedules',
    '/schedules/new',
    '/deliveries/7b6c7c2e-3a3f-4c49-9b0e-2f1f0c7d1a10',
    '/audit',
  ])('answers its page %s with index.html, revalidated on every load', async (url) => {
    const reply = await get(built, url);
    expect([reply.statusCode, reply.headers['content-type'], reply.headers['cache-control'], reply.body]).toEqual([
      200,
      'text/html; charset=utf-8',
      'no-cache',
      INDEX,
    ]);
  });

  it('serves hashed assets as immutable', async () => {
    const reply = await get(built, '/assets/index-Ab12.js');
    expect([reply.statusCode, reply.headers['cache-control'], reply.body]).toEqual([
      200,
      'public, max-age=31536000, immutable',
      'export {};',
    ]);
  });

  it('keeps the JSON 404 for every path that is not the console’s', async () => {
    for (const url of ['/nope', '/v1/nope', '/assets/missing.js', '/schedulesX']) {
      const reply = await get(built, url);
      expect([url, reply.statusCode, reply.json().error]).toEqual([url, 404, 'NOT_FOUND']);
    }
  });

  it('says how to build it when it is not built, and the API still works', async () => {
    const reply = await get(notBuilt, '/schedules');
    expect([reply.statusCode, reply.body]).toEqual([
      503,
      'The web console is not built yet. Run `pnpm build` (pnpm start builds it by itself), then reload.\n' +
        'The API itself works: see /docs.\n',
    ]);
    expect((await notBuilt.call('admin', 'GET', '/v1/me')).statusCode).toBe(200);
  });
});
