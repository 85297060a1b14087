import { adminUser } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { dummyPasswordHash, verifyPassword } from '@reportmail/secrets';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { bearer, errorBody } from './schemas.js';

const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
const loginReply = z.object({ token: z.string(), tokenType: z.literal('Bearer'), role: z.enum(['admin', 'viewer']) });

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.post(
    '/auth/login',
    {
      onRequest: app.limits.loginPerAddress,
      preHandler: app.limits.loginPerEmail,
      schema: {
        tags: ['auth'],
        summary: 'Exchange email and password for a bearer token',
        description:
          'Also sets an http-only session cookie (path /admin) so an admin can open Bull Board in a browser. ' +
          'Attempts are limited per client address and per email.',
        body: loginBody,
        response: { 200: loginReply, 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const [user] = await db
        .select()
        .from(adminUser)
        .where(sql`lower(${adminUser.email}) = lower(${email}) and ${adminUser.disabledAt} is null`);
      const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !valid) throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
      const token = await app.jwt.sign({ sub: user.id, role: user.role, email: user.email });
      app.setSessionCookie(reply, token);
      return { token, tokenType: 'Bearer' as const, role: user.role };
    },
  );

  app.get(
    '/v1/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Who the bearer token belongs to',
        security: bearer,
        response: {
          200: z.object({ id: z.string(), email: z.string(), role: z.enum(['admin', 'viewer']) }),
          401: errorBody,
        },
      },
    },
    async (request) => ({ id: request.user.sub, email: request.user.email, role: request.user.role }),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Clear the browser session cookie (bearer tokens simply expire)',
        response: { 204: z.null() },
      },
    },
    async (_request, reply) => {
      app.setSessionCookie(reply, null);
      return reply.status(204).send(null);
    },
  );
};
