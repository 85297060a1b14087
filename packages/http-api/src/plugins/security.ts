import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '@reportmail/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';

export type SecurityOptions = {
  /** Counters live in Redis, so limits hold across API instances and restarts. */
  redis: Redis;
  redisPrefix: string;
  loginAttemptsPer15Min: number;
  sendsPerMinute: number;
  /** Served over HTTPS (COOKIE_SECURE): browsers are told to upgrade any plain-http asset request. */
  httpsOnly: boolean;
};

type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    limits: {
      /** onRequest: login attempts per client address. */
      loginPerAddress: RateLimitHook;
      /** preHandler (after the body is parsed): login attempts per email, whatever address they come from. */
      loginPerEmail: RateLimitHook;
      /** preHandler (after authentication): sends (now, test, resend) per signed-in user. */
      sendsPerUser: RateLimitHook;
      /** preHandler (after authentication): password checks (changing one's own) per signed-in user. */
      passwordChecksPerUser: RateLimitHook;
    };
  }
}

const emailOf = (request: FastifyRequest) => {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
};

/** Security headers on every reply and the rate limits routes opt into. */
export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  await app.register(helmet, {
    // Swagger UI and Bull Board are served from here and load their own scripts and styles inline.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // On a plain-http install, upgrading would break the login page's requests and Bull Board's assets.
        upgradeInsecureRequests: options.httpsOnly ? [] : null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    redis: options.redis,
    nameSpace: `${options.redisPrefix}:rate-limit:`,
  });
  // The plugin's own route hooks run only one limit per request; login needs two (address and email).
  const limit = (max: number, timeWindow: string, key: (request: FastifyRequest) => string) => {
    const check = app.createRateLimit({ max, timeWindow, keyGenerator: key });
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await check(request);
      if (result.isAllowed || !result.isExceeded) return;
      reply.header('retry-after', result.ttlInSeconds);
      throw new AppError('RATE_LIMITED', `Too many requests: try again in ${waitText(result.ttlInSeconds)}`);
    };
  };
  app.decorate('limits', {
    loginPerAddress: limit(options.loginAttemptsPer15Min, '15 minutes', (request) => `login-address:${request.ip}`),
    loginPerEmail: limit(options.loginAttemptsPer15Min, '15 minutes', (request) => `login-email:${emailOf(request)}`),
    sendsPerUser: limit(options.sendsPerMinute, '1 minute', (request) => `sends:${request.user.sub}`),
    passwordChecksPerUser: limit(
      options.loginAttemptsPer15Min,
      '15 minutes',
      (request) => `password-check:${request.user.sub}`,
    ),
  });
});

const waitText = (seconds: number) => (seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`);
