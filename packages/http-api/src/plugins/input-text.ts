import { AppError, type ErrorDetail } from '@reportmail/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
export const CONTROL_CHARACTER_MESSAGE = 'must not contain line breaks or control characters';
/** Nesting deeper than any route takes is refused by the route's own schema; no need to walk it here. */
const MAX_DEPTH = 8;

/** The fields of `value` (a parsed body, query or path parameters) whose text holds a control character. */
export function controlCharacterFields(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? [path] : [];
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    if (CONTROL_CHARACTER.test(key)) return [path];
    return controlCharacterFields(item, `${path}.${key}`, depth + 1);
  });
}

function textProblems(request: FastifyRequest): ErrorDetail[] {
  const fields = [
    ...controlCharacterFields(request.params, 'params'),
    ...controlCharacterFields(request.query, 'querystring'),
    ...controlCharacterFields(request.body, 'body'),
  ];
  return [...new Set(fields)].map((field) => ({ field, message: CONTROL_CHARACTER_MESSAGE }));
}

/**
 * No text the API takes (path, query, body; values and keys) may hold a control character: PostgreSQL
 * refuses NUL outright (a 500 deep in a query), and the others only ever serve to forge headers or log
 * lines. Checked before any route's schema, so every route, including later ones, answers 400.
 */
export const inputTextPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const details = textProblems(request);
    if (details.length === 0) return;
    const message = details.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
    throw new AppError('VALIDATION', message, { details });
  });
});
