import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.js';
import { changeOwnPassword, createUser, listUsers, resetPassword, updateUser } from '../users/users.js';
import { authErrors, bearer, emailAddress, errorBody, idParams, page, pageQuery } from './schemas.js';

const role = z.enum(['admin', 'viewer']);
/** Length is what makes a password strong; 1024 bounds the hashing work. */
const newPassword = z.string().min(12, 'must be at least 12 characters').max(1024);

const user = z.object({
  id: z.string(),
  email: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: z.string(),
});

const createBody = z.strictObject({ email: emailAddress, password: newPassword, role });
const updateBody = z
  .strictObject({ role: role.optional(), disabled: z.boolean().optional() })
  .refine((body) => body.role !== undefined || body.disabled !== undefined, 'give role, disabled or both');
const passwordBody = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword });
const resetBody = z.strictObject({ password: newPassword });

const writeErrors = { ...authErrors, 409: errorBody };

export const userRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get(
    '/v1/users',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['users'],
        summary: 'Users who can sign in (never their password hashes)',
        security: bearer,
        querystring: z.object(pageQuery),
        response: { 200: page(user), ...authErrors },
      },
    },
    async (request) => listUsers(db, request.query.page, request.query.pageSize),
  );

  app.post(
    '/v1/users',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['users'],
        summary: 'Add a user (the email is unique whatever its case)',
        security: bearer,
        body: createBody,
        response: { 201: user, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, request.user.sub, request.body)),
  );

  app.patch(
    '/v1/users/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['users'],
        summary: 'Change a role or disable/enable a user (takes effect on their next request)',
        description: 'Nobody demotes or disables themselves, and the last active admin stays (409).',
        security: bearer,
        params: idParams,
        body: updateBody,
        response: { 200: user, ...writeErrors },
      },
    },
    async (request) => updateUser(db, request.user.sub, request.params.id, request.body),
  );

  app.post(
    '/v1/users/:id/password',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['users'],
        summary: "Set another user's password (admin), e.g. when they forgot it",
        description:
          "Same rule as a new user's password. Your own password is changed with PUT /v1/me/password, which asks " +
          'for the current one (409 here). Tokens the user already holds stay valid until they expire: disable ' +
          'the user to end their access at once. Records a `user.password_reset` audit entry (never the password).',
        security: bearer,
        params: idParams,
        body: resetBody,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await resetPassword(db, request.user.sub, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/v1/me/password',
    {
      onRequest: app.authenticate,
      // Guessing the current password here must cost as much as guessing it at login.
      preHandler: app.limits.passwordChecksPerUser,
      schema: {
        tags: ['users'],
        summary: 'Change your own password (needs the current one)',
        description: 'Tokens already issued stay valid until they expire. Attempts are limited per user like logins.',
        security: bearer,
        body: passwordBody,
        response: { 204: z.null(), ...authErrors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, request.user.sub, request.body);
      return reply.status(204).send(null);
    },
  );
};
