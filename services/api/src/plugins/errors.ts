import { AppError, isAppError } from '@reportmail/errors';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one error shape: `{ error, message, details }`. */
export type ErrorBody = { error: string; message: string; details: { field: string; message: string }[] };

function toAppError(error: FastifyError | AppError): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const details = error.validation.map((issue) => ({
      field: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    return new AppError('VALIDATION', details.map((d) => `${d.field}: ${d.message}`).join('; '), { details });
  }
  const status = error.statusCode ?? 500;
  if (status === 401) return new AppError('UNAUTHENTICATED', 'A valid bearer token is required');
  if (status === 429) return new AppError('RATE_LIMITED', error.message);
  if (status === 413) return new AppError('VALIDATION', 'The request body is too large');
  if (status >= 400 && status < 500) return new AppError('VALIDATION', error.message);
  return new AppError('INTERNAL', 'Internal error', { cause: error });
}

/** Maps every error to the one shape; internal errors are logged whole and answered without details. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    const body: ErrorBody = { error: appError.code, message: appError.message, details: appError.details };
    return reply.status(appError.httpStatus).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'NOT_FOUND', message: `No route ${request.method} ${request.url}`, details: [] }),
  );
});
