import { adminUser, type Db } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { errorBody } from './schemas.js';

const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});
const loginReply = z.object({ token: z.string(), tokenType: z.literal('Bearer'), role: z.enum(['admin', 'viewer']) });

export const authRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange email and password for a bearer token',
        body: loginBody,
        response: { 200: loginReply, 400: errorBody, 401: errorBody },
      },
    },
    async (request) => {
      const { email, password } = request.body;
      const [user] = await db
        .select()
        .from(adminUser)
        .where(sql`lower(${adminUser.email}) = lower(${email}) and ${adminUser.disabledAt} is null`);
      const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !valid) throw new AppError('UNAUTHENTICATED', 'Wrong email or password');
      const token = await app.jwt.sign({ sub: user.id, role: user.role, email: user.email });
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
        security: [{ bearerAuth: [] }],
        response: {
          200: z.object({ id: z.string(), email: z.string(), role: z.enum(['admin', 'viewer']) }),
          401: errorBody,
        },
      },
    },
    async (request) => ({ id: request.user.sub, email: request.user.email, role: request.user.role }),
  );
};
