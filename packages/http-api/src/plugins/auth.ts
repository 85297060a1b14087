import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { adminUser, type Db } from '@reportmail/db';
import { AppError } from '@reportmail/errors';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { assertCsrfToken, SESSION_COOKIE, writeSessionCookies } from './session.js';

export type Role = 'admin' | 'viewer';
export type TokenClaims = { sub: string; role: Role; email: string };

export type AuthOptions = {
  db: Db;
  /** HS256 key, at least 32 characters. */
  secret: string;
  issuer: string;
  audience: string;
  /** e.g. `1h` */
  expiresIn: string;
  cookieSecure: boolean;
};

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims;
    user: TokenClaims;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * onRequest: any signed-in user (admin or viewer), by bearer token or, without an Authorization
     * header, by the browser session cookie (whose writes must carry the CSRF token).
     */
    authenticate: (request: FastifyRequest) => Promise<void>;
    /** preHandler: signed in with this role (admins pass every check). */
    requireRole: (role: Role) => RoleHook;
    /** The current user (role from the database) of a browser session cookie, or null. */
    sessionUser: (request: FastifyRequest) => Promise<TokenClaims | null>;
    /** Sets the session and CSRF cookies for a token just issued; clears them when given null. */
    setSessionCookie: (reply: FastifyReply, token: string | null) => void;
  }
}

/** A route's onRequest hook that admits this role (or better): read back for the OpenAPI document. */
export type RoleHook = ((request: FastifyRequest) => Promise<void>) & { requiredRole: Role };
const admitting = (role: Role, hook: (request: FastifyRequest) => Promise<void>): RoleHook =>
  Object.assign(hook, { requiredRole: role });

const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', 'A valid bearer token (or a signed-in console session) is required');

/**
 * JWT with one pinned algorithm (HS256: no `none`, no algorithm confusion), issuer and audience checked,
 * and exp/iat/sub required; any failure is a 401 with the same message. The role is read from the
 * database on every request, so a disabled or demoted user loses access at once, not at token expiry.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: AuthOptions) => {
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: options.secret,
    sign: { algorithm: 'HS256', iss: options.issuer, aud: options.audience, expiresIn: options.expiresIn },
    verify: {
      algorithms: ['HS256'],
      allowedIss: options.issuer,
      allowedAud: options.audience,
      requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub'],
    },
  });

  const currentUser = async (claims: TokenClaims): Promise<TokenClaims | null> => {
    const [user] = await options.db
      .select({ id: adminUser.id, email: adminUser.email, role: adminUser.role })
      .from(adminUser)
      .where(and(eq(adminUser.id, claims.sub), isNull(adminUser.disabledAt)));
    return user ? { sub: user.id, email: user.email, role: user.role } : null;
  };

  const verified = (token: string) =>
    Promise.resolve()
      .then(() => app.jwt.verify<TokenClaims>(token))
      .catch(() => null);

  /** A bearer token wins; the cookie is the browser's way, and only then is a CSRF token required. */
  const authenticate = async (request: FastifyRequest) => {
    const sessionToken = request.headers.authorization === undefined ? request.cookies[SESSION_COOKIE] : undefined;
    const claims = sessionToken
      ? await verified(sessionToken)
      : await request.jwtVerify<TokenClaims>().catch(() => null);
    const user = claims && (await currentUser(claims));
    if (!user) throw unauthenticated();
    if (sessionToken) assertCsrfToken(request, sessionToken, options.secret);
    request.user = user;
  };
  app.decorate('authenticate', admitting('viewer', authenticate));
  app.decorate('requireRole', (role: Role) =>
    admitting(role, async (request: FastifyRequest) => {
      await authenticate(request);
      if (role === 'admin' && request.user.role !== 'admin') {
        throw new AppError('FORBIDDEN', 'This needs the admin role');
      }
    }),
  );
  app.decorate('sessionUser', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const claims = token ? await verified(token) : null;
    return claims && (await currentUser(claims));
  });
  app.decorate('setSessionCookie', (reply: FastifyReply, token: string | null) =>
    writeSessionCookies(reply, token, { secure: options.cookieSecure, csrfKey: options.secret }),
  );
});
