import type { Database } from '@reportmail/db';
import type { Logger } from '@reportmail/logger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type AuthOptions, authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';

export type AppDeps = { database: Database; logger: Logger; auth: AuthOptions };

/** The admin API, built from its dependencies; `listen` is the caller's business (main.ts, tests). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, bodyLimit: 256 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(errorsPlugin);
  await app.register(authPlugin, deps.auth);
  await app.register(healthRoutes);
  await app.register(authRoutes, { db: deps.database.db });
  return app;
}
