import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationDetails } from './validation-messages.js';

/** The details a body gets, through zod's real issues (as fastify-type-provider-zod passes them on). */
function detailsFor(schema: z.ZodType, body: unknown) {
  const result = schema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.flatMap(({ code, path, message, ...params }) =>
    validationDetails('body', { keyword: code, instancePath: `/${path.join('/')}`, message, params }),
  );
}

describe('validation messages in the API’s words', () => {
  const schema = z.strictObject({
    name: z.string().min(1).max(5),
    port: z.number().int().max(65_535),
    tags: z.array(z.string()).max(2),
    to: z.email(),
    mode: z.enum(['none', 'tls']),
    on: z.boolean(),
    note: z.string().refine((value) => value !== 'x', 'must not be x'),
  });

  it.each<[string, unknown, { field: string; message: string }[]]>([
    [
      'a missing field',
      { port: 1, tags: [], to: 'a@b.example', mode: 'tls', on: true, note: '' },
      [{ field: 'body.name', message: 'is required' }],
    ],
    [
      'the wrong type',
      { name: 'a', port: '1', tags: [], to: 'a@b.example', mode: 'tls', on: 'yes', note: '' },
      [
        { field: 'body.port', message: 'must be a number' },
        { field: 'body.on', message: 'must be true or false' },
      ],
    ],
    [
      'sizes',
      { name: '', port: 70_000, tags: ['a', 'b', 'c'], to: 'a@b.example', mode: 'tls', on: true, note: '' },
      [
        { field: 'body.name', message: 'must not be empty' },
        { field: 'body.port', message: 'must be at most 65535' },
        { field: 'body.tags', message: 'must have at most 2 items' },
      ],
    ],
    [
      'a format, an option, an own message and an unknown field',
      { name: 'a', port: 1, tags: [], to: 'nope', mode: 'ssl', on: true, note: 'x', extra: 1, more: 2 },
      [
        { field: 'body.to', message: 'must be an email address like owner@shop.example' },
        { field: 'body.mode', message: 'must be one of none, tls' },
        { field: 'body.note', message: 'must not be x' },
        { field: 'body.extra', message: 'is not a field of this request' },
        { field: 'body.more', message: 'is not a field of this request' },
      ],
    ],
  ])('%s', (_name, body, expected) => {
    expect(detailsFor(schema, body).sort((a, b) => a.field.localeCompare(b.field))).toEqual(
      expected.sort((a, b) => a.field.localeCompare(b.field)),
    );
  });
});
