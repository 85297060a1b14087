import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { createMetricsRegistry } from '../ops/metrics.js';
import { checkReadiness, readMigrationsJournal } from '../ops/readiness.js';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../plugins/errors.js';
import { bearer, documentReply, errorBody } from './schemas.js';

const READY_TIMEOUT_MS = 2_000;
const check = z.string().describe("'ok', or why not");
const readiness = (status: 'ready' | 'not_ready') =>
  z.object({
    status: z.literal(status),
    checks: z.object({ postgres: check, redis: check, migrations: check }),
  });

/** What prom-client's registry serves (its `contentType`), as documented. */
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * /metrics for a signed-in user (viewer or admin) or a scraper holding METRICS_TOKEN. The token is
 * compared in constant time (over digests, so its length does not leak either).
 */
function metricsAccess(app: FastifyInstance, metricsToken: string | undefined) {
  const expected = metricsToken === undefined ? null : digest(metricsToken);
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const presented = /^Bearer (.+)$/i.exec(header)?.[1];
    if (expected && presented && timingSafeEqual(digest(presented), expected)) return;
    await app.authenticate(request);
  };
}

export const opsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const migrations = readMigrationsJournal();
  app.get(
    '/ready',
    {
      schema: {
        tags: ['ops'],
        summary: 'Ready to serve: PostgreSQL and Redis answer and every migration is applied',
        description: `Each check gives up after ${READY_TIMEOUT_MS} ms, so this never hangs.`,
        response: { 200: readiness('ready'), 503: readiness('not_ready') },
      },
    },
    async (request, reply) => {
      const { ready, checks } = await checkReadiness({
        sql: deps.database.sql,
        redis: deps.redis,
        logger: request.log,
        migrations,
        timeoutMs: READY_TIMEOUT_MS,
      });
      if (ready) return { status: 'ready' as const, checks };
      return reply
        .status(503)
        .header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS))
        .send({ status: 'not_ready' as const, checks });
    },
  );

  const registry = createMetricsRegistry({
    database: deps.database,
    queues: [deps.queues.reports, deps.queues.mail],
  });
  app.get(
    '/metrics',
    {
      onRequest: metricsAccess(app, deps.config.METRICS_TOKEN),
      schema: {
        tags: ['ops'],
        summary: 'Prometheus metrics (text format 0.0.4)',
        'x-required-role': 'viewer',
        description:
          'Needs a bearer token: a user token (viewer or admin) or METRICS_TOKEN. Ledger and queue series are ' +
          'read at scrape time: reportmail_deliveries{status,trigger,channel}, reportmail_queue_jobs{queue,state}, ' +
          'and quantile gauges (0.5, 0.9, 0.99, 1 = max) of generation and send durations over the last 24 ' +
          'hours with their sample counts; plus the process metrics.',
        security: bearer,
        response: {
          200: documentReply(PROMETHEUS_TEXT, 'Prometheus text exposition format 0.0.4 (not JSON)', z.string()),
          401: errorBody,
          503: errorBody,
        },
      },
    },
    async (_request, reply) => {
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    },
  );
};
