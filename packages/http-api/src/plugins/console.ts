import fastifyStatic from '@fastify/static';
import { CONSOLE_PATHS, consoleAssetsDir, consoleIsBuilt } from '@reportmail/console';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

export type ConsoleOptions = {
  /** The built console (vite's dist); null serves a page that says how to build it. */
  dir?: string | undefined;
};

/** Vite names assets after their content: a changed file is a new name, so browsers may keep each forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always asked again (cheaply, by ETag), so an upgrade shows at once. */
const REVALIDATE = 'no-cache';

const NOT_BUILT =
  'The web console is not built yet. Run `pnpm build` (pnpm start builds it by itself), then reload.\n' +
  'The API itself works: see /docs.\n';

/** The console's pages (each, and anything under it) all answer with index.html: the app routes itself. */
function spaRoutes(): string[] {
  return Object.values(CONSOLE_PATHS).flatMap((path) => (path === '/' ? ['/'] : [path, `${path}/*`]));
}

/**
 * Serves the web console at /: its hashed assets, and index.html for the console's own routes only (every
 * other unknown path keeps the API's JSON 404).
 */
export const consolePlugin = fp(async (app: FastifyInstance, options: ConsoleOptions) => {
  const dir = options.dir ?? consoleAssetsDir();
  const sendIndex = (reply: FastifyReply) =>
    consoleIsBuilt(dir)
      ? reply.header('cache-control', REVALIDATE).sendFile('index.html', dir)
      : reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
  if (consoleIsBuilt(dir)) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: true,
      index: false,
      cacheControl: false,
      setHeaders: (response, path) =>
        response.header('cache-control', /[/\\]assets[/\\]/.test(path) ? IMMUTABLE : REVALIDATE),
    });
  }
  for (const url of spaRoutes()) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  }
});
