import { CONSOLE_PATHS } from '@reportmail/console';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, createApiFixture } from './test-fixtures.js';

type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  'x-required-role'?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};
type Spec = { openapi: string; paths: Record<string, Record<string, Operation>> };

const CONSOLE_PAGES = Object.values(CONSOLE_PATHS)
  .filter((path) => path !== '/')
  .map((path) => path.slice(1))
  .join('|');
/** Routes that are not JSON API operations: the console's pages and assets, Swagger UI and Bull Board. */
const NOT_DOCUMENTED = new RegExp(`^/((docs|admin/queues|admin/login|${CONSOLE_PAGES})(/|\\*|$)|\\*?$)`);
/** Actions that take no body: the path says it all. */
const BODYLESS =
  /^POST \/(auth\/logout|v1\/deliveries\/\{id\}\/resend|v1\/schedules\/\{id\}\/webhooks\/\{webhookId\}\/test)$/;

/** `METHOD /full/path` of every route, from Fastify's route tree (each line's path extends its parent's). */
function routesOf(tree: string): string[] {
  const stack: string[] = [];
  return tree.split('\n').flatMap((line) => {
    const match = /^([│├└─\s]*)(\S+) \(([^)]+)\)$/.exec(line);
    if (!match) return [];
    const [, indent = '', segment = '', methods = ''] = match;
    const depth = indent.length / 4 - 1;
    stack.length = depth;
    stack.push(segment);
    const path = stack.join('');
    return methods
      .split(', ')
      .filter((method) => method !== 'HEAD')
      .map((method) => `${method} ${path}`);
  });
}

describe('the OpenAPI contract', () => {
  let fixture: ApiFixture;
  let spec: Spec;

  beforeAll(async () => {
    fixture = await createApiFixture();
    const reply = await fixture.app.inject({ method: 'GET', url: '/docs/json' });
    expect(reply.statusCode).toBe(200);
    spec = reply.json();
  });
  afterAll(async () => fixture.close());

  it('is OpenAPI 3 and Swagger UI serves it at /docs', async () => {
    expect(spec.openapi).toMatch(/^3\./);
    const page = await fixture.app.inject({ method: 'GET', url: '/docs' });
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('documents every route with a tag, a summary, a success reply and its error replies', () => {
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(0);
    const problems = operations.flatMap(({ route, operation }) => {
      const codes = Object.keys(operation.responses ?? {});
      return [
        !operation.tags?.length && `${route}: no tag`,
        !operation.summary && `${route}: no summary`,
        !codes.some((code) => code.startsWith('2') || code.startsWith('3')) && `${route}: no success reply`,
        operation.security && !codes.includes('401') && `${route}: signed-in route without a 401 reply`,
        route.startsWith('P') && !operation.requestBody && !BODYLESS.test(route) && `${route}: no body schema`,
      ].filter(Boolean);
    });
    expect(problems).toEqual([]);
  });

  it('lists every registered route except the UI pages', async () => {
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const registered = routesOf(fixture.app.printRoutes({ commonPrefix: false })).filter(
      (route) => !NOT_DOCUMENTED.test(route.split(' ')[1] ?? ''),
    );
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('marks who may call each signed-in route, as the routes really decide it', async () => {
    const zero = '00000000-0000-4000-8000-000000000000';
    const marks = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation.security) continue;
        // Roles are checked before anything else: a viewer's 403 needs no real id or valid body.
        const url = path.replace(/\{\w+\}/g, zero);
        const reply = await fixture.call(
          'viewer',
          method.toUpperCase() as 'GET',
          url,
          method === 'get' ? undefined : {},
        );
        const role = reply.statusCode === 403 ? 'admin' : 'viewer';
        marks.push(
          `${method.toUpperCase()} ${path}: ${operation['x-required-role'] ?? 'unmarked'} (viewer got ${reply.statusCode})`,
        );
        if (operation['x-required-role'] === 'admin') expect(operation.description).toMatch(/^\*\*Admins only\*\*/);
        expect(marks.at(-1)).toMatch(new RegExp(`: ${role} \\(`));
      }
    }
    expect(marks).toContain('GET /v1/users: admin (viewer got 403)');
  });

  it('documents the content type /metrics really serves (Prometheus text, not JSON)', async () => {
    const documented = spec.paths['/metrics']?.get?.responses?.['200'] as { content?: object } | undefined;
    const reply = await fixture.call('admin', 'GET', '/metrics');
    expect(Object.keys(documented?.content ?? {})).toEqual([reply.headers['content-type']]);
  });

  it('documents 413 on every route that takes a body', () => {
    const withBody = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody)
        .map(([method, operation]) => `${method} ${path}: ${Object.hasOwn(operation.responses ?? {}, '413')}`),
    );
    expect(withBody.length).toBeGreaterThan(10);
    expect(withBody.filter((line) => line.endsWith('false'))).toEqual([]);
  });
});
