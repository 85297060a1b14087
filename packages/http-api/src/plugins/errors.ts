import { AppError, isAppError } from '@reportmail/errors';
import { errorForLog } from '@reportmail/logger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { validationDetails } from './validation-messages.js';

/** The one error shape: `{ error, message, details }`. */
export type ErrorBody = { error: string; message: string; details: { field: string; message: string }[] };

/**
 * What ioredis rejects commands with while Redis is down: the API's connections do not queue commands
 * offline, so they fail at once instead of hanging.
 */
const REDIS_DOWN_MESSAGES = [/^Connection is closed\.?$/, /^Stream isn't writeable/, /^Reached the max retries/];
/** Socket and postgres.js connection codes; a Redis command never rejects with these (see above). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);
/** SQLSTATEs of a server going away or refusing connections: shutdown, starting up, too many clients. */
const POSTGRES_DOWN_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

type Outage = { service: 'Redis' | 'PostgreSQL'; cause: unknown };

/**
 * Redis or PostgreSQL not answering, found anywhere in the cause chain (drizzle wraps driver errors in
 * a DrizzleQueryError whose message holds the query's parameters: only the cause is kept, for the log).
 */
export function findOutage(error: unknown): Outage | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    const { message } = current;
    if (current.name === 'MaxRetriesPerRequestError' || REDIS_DOWN_MESSAGES.some((re) => re.test(message))) {
      return { service: 'Redis', cause: current };
    }
    if (
      typeof code === 'string' &&
      (CONNECTION_CODES.has(code) || POSTGRES_DOWN_STATES.has(code) || /^08/.test(code))
    ) {
      return { service: 'PostgreSQL', cause: current };
    }
    current = current.cause;
  }
  return null;
}

/** Router errors (before any route runs), answered by the `frameworkErrors` option below. */
const FRAMEWORK_ERRORS: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long',
  FST_ERR_BAD_URL: 'The URL is malformed',
};

/** Retry-After of a 503 while PostgreSQL or Redis does not answer. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

const kib = (bytes: number) => `${Math.floor(bytes / 1024)} KiB`;

function toAppError(error: FastifyError | AppError, bodyLimit: number): AppError {
  if (isAppError(error)) return error;
  const framework = FRAMEWORK_ERRORS[error.code];
  if (framework) return new AppError('VALIDATION', framework);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const details = error.validation.flatMap((issue) => validationDetails(where, issue));
    return new AppError('VALIDATION', details.map((d) => `${d.field}: ${d.message}`).join('; '), { details });
  }
  const outage = findOutage(error);
  if (outage) return new AppError('UNAVAILABLE', `${outage.service} is not answering`, { cause: outage.cause });
  const status = error.statusCode ?? 500;
  if (status === 401) return new AppError('UNAUTHENTICATED', 'A valid bearer token is required');
  if (status === 429) return new AppError('RATE_LIMITED', error.message);
  if (status === 413)
    return new AppError('PAYLOAD_TOO_LARGE', `The request body is over the limit of ${kib(bodyLimit)}`);
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
  if (status >= 400 && status < 500) return new AppError('VALIDATION', error.message);
  return new AppError('INTERNAL', 'Internal error', { cause: error });
}

/**
 * Answers an error in the one shape. Internal errors and outages are logged, as `errorForLog` shows them:
 * what failed and where, never the values the request carried; they are answered without details.
 */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const appError = toAppError(error as FastifyError | AppError, request.routeOptions.bodyLimit);
  if (appError.code === 'INTERNAL') request.log.error({ error: errorForLog(error) }, 'request failed');
  if (appError.code === 'UNAVAILABLE' && !isAppError(error))
    request.log.error({ error: errorForLog(appError.cause) }, appError.message);
  const body: ErrorBody = { error: appError.code, message: appError.message, details: appError.details };
  // An outage is usually over in seconds (a restart, a failover): clients and proxies may try again then.
  if (appError.code === 'UNAVAILABLE') reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
  return reply.status(appError.httpStatus).send(body);
}

/**
 * For Fastify's `frameworkErrors` option: errors the router raises before routing (a path parameter
 * over maxParamLength, a malformed URL) otherwise bypass the error handler and its one shape.
 */
export const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
  sendError(request, reply, error);

/** Maps every error to the one shape. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'NOT_FOUND', message: `No route ${request.method} ${request.url}`, details: [] }),
  );
});
