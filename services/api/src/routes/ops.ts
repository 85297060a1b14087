import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';

// In progress (issue 4): this file is being written.
export const opsRoutes: FastifyPluginAsyncZod<AppDeps> = async () => {};
