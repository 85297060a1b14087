import fastifyJwt from '@fastify/jwt';
import { AppError } from '@reportmail/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export type Role = 'admin' | 'viewer';
export type TokenClaims = { sub: string; role: Role; email: string };

export type AuthOptions = {
  /** HS256 key, at least 32 characters. */
  secret: string;
  issuer: string;
  audience: string;
  /** e.g. `1h` */
  expiresIn: string;
};

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims;
    user: TokenClaims;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: any signed-in user (admin or viewer). */
    authenticate: (request: FastifyRequest) => Promise<void>;
    /** preHandler: signed in with this role (admins pass every check). */
    requireRole: (role: Role) => (request: FastifyRequest) => Promise<void>;
  }
}

/**
 * JWT with one pinned algorithm (HS256: no `none`, no algorithm confusion), issuer and audience checked,
 * and exp/iat/sub required; any failure is a 401 with the same message.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: AuthOptions) => {
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
  const authenticate = async (request: FastifyRequest) => {
    try {
      await request.jwtVerify();
    } catch {
      throw new AppError('UNAUTHENTICATED', 'A valid bearer token is required');
    }
  };
  app.decorate('authenticate', authenticate);
  app.decorate('requireRole', (role: Role) => async (request: FastifyRequest) => {
    await authenticate(request);
    if (role === 'admin' && request.user.role !== 'admin') {
      throw new AppError('FORBIDDEN', 'This needs the admin role');
    }
  });
});
