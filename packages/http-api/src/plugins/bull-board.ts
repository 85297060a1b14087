import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Db } from '@reportmail/db';
import { errorForLog } from '@reportmail/logger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { recordAudit } from '../audit.js';
import { type ErrorBody, sendError } from './errors.js';
import { assertSameOrigin } from './session.js';

const BOARD_PATH = '/admin/queues';
/** The old sign-in page's address now leads to the console's sign-in, which comes back here. */
const OLD_LOGIN_PATH = '/admin/login';
const SIGN_IN = `/sign-in?next=${encodeURIComponent(BOARD_PATH)}`;

type Session = { userId: string; role: 'admin' | 'viewer' } | null;

/** Who the session cookie belongs to (role read from the database: a demoted or disabled user is out at once). */
async function sessionOf(app: FastifyInstance, request: FastifyRequest): Promise<Session> {
  const user = await app.sessionUser(request);
  return user && { userId: user.sub, role: user.role };
}

const errorBody = (error: string, message: string): ErrorBody => ({ error, message, details: [] });

/**
 * Guards every Bull Board route (page, JSON API, static files) by the browser session. Bull Board's
 * routes have their own error handler, so this answers (in the one error shape) instead of throwing.
 * A bearer token alone does not open it: it is a browser UI, and the cookie is what a browser sends.
 */
function boardGuard(app: FastifyInstance, admins: WeakMap<FastifyRequest, string>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    let session: Session;
    try {
      session = await sessionOf(app, request);
      // Bull Board's own page cannot send the console's CSRF header: its writes must come from this origin.
      if (session) assertSameOrigin(request);
    } catch (error) {
      return sendError(request, reply, error);
    }
    if (session?.role === 'admin') {
      admins.set(request, session.userId);
      return;
    }
    if (session?.role === 'viewer') {
      return reply.status(403).send(errorBody('FORBIDDEN', 'The queues need the admin role'));
    }
    if (request.url.startsWith(`${BOARD_PATH}/api/`)) {
      const message = `Sign in at ${SIGN_IN}: the session is missing, expired or invalid`;
      return reply.status(401).send(errorBody('UNAUTHENTICATED', message));
    }
    return reply.redirect(SIGN_IN, 302);
  };
}

/** Retries, removals, pauses… made in Bull Board are admin writes too: one audit entry each. */
function auditBoardWrites(db: Db, admins: WeakMap<FastifyRequest, string>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actorId = admins.get(request);
    if (!actorId || ['GET', 'HEAD'].includes(request.method) || reply.statusCode >= 400) return;
    const { queueName } = (request.params ?? {}) as { queueName?: string };
    const path = request.url.split('?')[0] ?? request.url;
    await recordAudit(db, {
      actorId,
      action: 'queue.action',
      target: queueName ? `queue:${queueName}` : 'queue:*',
      details: { method: request.method, path },
    }).catch((error: unknown) =>
      request.log.error({ error: errorForLog(error) }, 'could not audit a Bull Board action'),
    );
  };
}

/** Bull Board at /admin/queues for signed-in admins (the console's session cookie). */
export const bullBoardPlugin: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  app.get(OLD_LOGIN_PATH, { schema: { hide: true } }, async (_request, reply) => reply.redirect(SIGN_IN, 301));
  await app.register(async (board) => {
    const admins = new WeakMap<FastifyRequest, string>();
    board.addHook('onRequest', boardGuard(app, admins));
    board.addHook('onResponse', auditBoardWrites(db, admins));
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(deps.queues.reports), new BullMQAdapter(deps.queues.mail)],
      serverAdapter,
      options: { uiConfig: { boardTitle: 'reportmail queues' } },
    });
    await board.register(serverAdapter.registerPlugin(), { prefix: BOARD_PATH });
  });
};
