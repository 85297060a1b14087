import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBody } from '../routes/schemas.js';
import type { Role } from './auth.js';

declare module 'fastify' {
  interface FastifySchema {
    /** Who may call a route whose hooks do not say it (`requireRole`, `authenticate` do). */
    'x-required-role'?: Role;
  }
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type DocumentedSchema = FastifySchema & { description?: string; response?: Record<string, unknown> };

/** The role a route's onRequest hooks admit (set by `requireRole` and `authenticate`), if any. */
export function requiredRoleOf(route: Pick<RouteOptions, 'onRequest'>): Role | undefined {
  const hooks = [route.onRequest ?? []].flat() as { requiredRole?: Role }[];
  return hooks.map((hook) => hook.requiredRole).find((role) => role !== undefined);
}

const WHO = {
  admin: '**Admins only**: a viewer gets 403.',
  viewer: 'Any signed-in user (viewer or admin).',
} as const;

/**
 * What the document says beyond each route's own schema, from what the route really does: who may call
 * it (`x-required-role` and a first line of its description), and 413 on routes that take a body.
 */
function documented(schema: DocumentedSchema, route: RouteOptions): DocumentedSchema {
  const role = requiredRoleOf(route) ?? schema['x-required-role'];
  const response = schema.body ? { ...schema.response, 413: errorBody } : schema.response;
  if (!role) return { ...schema, response };
  const description = [WHO[role], schema.description].filter(Boolean).join('\n\n');
  return { ...schema, response, description, 'x-required-role': role };
}

/**
 * OpenAPI 3 built from the routes' own zod schemas (registered before the routes, so it sees them all),
 * served at /docs/json and browsable with Swagger UI at /docs.
 */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'reportmail admin API',
        description: 'Schedules, SMTP settings, the delivery log and report data of reportmail.',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: (input: TransformInput) =>
      jsonSchemaTransform({
        ...input,
        schema: input.schema && documented(input.schema as DocumentedSchema, input.route as RouteOptions),
      }),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
});
