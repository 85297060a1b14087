import type { Database } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import type { SecretBox } from '@reportmail/secrets';
import type { EventLoopWatchdog } from '@reportmail/watchdog';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { ApiConfig } from './config.js';
import { authPlugin } from './plugins/auth.js';
import { bullBoardPlugin } from './plugins/bull-board.js';
import { consolePlugin } from './plugins/console.js';
import { errorsPlugin, frameworkErrors } from './plugins/errors.js';
import { inputTextPlugin } from './plugins/input-text.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import type { ApiQueues } from './queues.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { demoDataRoutes } from './routes/demo-data.js';
import { healthRoutes } from './routes/health.js';
import { opsRoutes } from './routes/ops.js';
import { overviewRoutes } from './routes/overview.js';
import { reportDataRoutes } from './routes/report-data.js';
import { scheduleActionRoutes } from './routes/schedule-actions.js';
import { scheduleRoutes } from './routes/schedules.js';
import { smtpSettingsRoutes } from './routes/smtp-settings.js';
import { userRoutes } from './routes/users.js';
import { webhookRoutes } from './routes/webhooks.js';
import { fastifyTrustProxy } from './trust-proxy.js';

export type AppDeps = {
  config: ApiConfig;
  database: Database;
  logger: Logger;
  /** Commands only (rate-limit counters, change signals, readiness); BullMQ queues have their own. */
  redis: Redis;
  queues: ApiQueues;
  secretBox: SecretBox;
  /** Its measure of event-loop delay fails /health; tests may leave it out. */
  watchdog?: EventLoopWatchdog;
};

/** The user agent of the supervisor's health probes (services/cli, `pnpm start`). */
export const SUPERVISOR_PROBE_AGENT = 'reportmail-supervisor';

/** Query parameters that are credentials (a signed link's signature) are never logged. */
const CREDENTIAL_PARAMS = /([?&](?:signature|token)=)[^&]*/gi;

function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.replace(CREDENTIAL_PARAMS, '$1[redacted]'),
    remoteAddress: request.ip,
  };
}

/** The admin API, built from its dependencies; `listen` is the caller's business (main.ts, tests). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger.child({}, { serializers: { req: requestForLog } }) as FastifyBaseLogger,
    bodyLimit: 256 * 1024,
    // Behind a reverse proxy request.ip (rate limits, audit) must be the client's, not the proxy's: only the
    // configured hops (or addresses) are trusted, never what a client writes first in X-Forwarded-For.
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    // Router errors (an over-long path parameter, a malformed URL) get the one error shape too.
    frameworkErrors,
    // `pnpm start` probes /health every 5 s: its requests would fill the log with nothing to read.
    logController: new LogController({
      disableRequestLogging: (request) => request.headers['user-agent'] === SUPERVISOR_PROBE_AGENT,
    }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin);
  await app.register(inputTextPlugin);
  await app.register(openapiPlugin);
  await app.register(securityPlugin, {
    redis: deps.redis,
    redisPrefix: config.REDIS_PREFIX,
    loginAttemptsPer15Min: config.LOGIN_ATTEMPTS_PER_15_MIN,
    sendsPerMinute: config.SENDS_PER_MINUTE,
    httpsOnly: config.COOKIE_SECURE,
  });
  await app.register(authPlugin, {
    db: deps.database.db,
    secret: config.JWT_SECRET,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    expiresIn: config.JWT_EXPIRES_IN,
    cookieSecure: config.COOKIE_SECURE,
  });
  for (const routes of [
    healthRoutes,
    authRoutes,
    userRoutes,
    smtpSettingsRoutes,
    scheduleRoutes,
    scheduleActionRoutes,
    webhookRoutes,
    deliveryRoutes,
    reportDataRoutes,
    auditRoutes,
    opsRoutes,
    demoDataRoutes,
    overviewRoutes,
    bullBoardPlugin,
  ]) {
    await app.register(routes, deps);
  }
  await app.register(consolePlugin, { dir: config.CONSOLE_DIR });
  return app;
}
