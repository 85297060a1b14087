import type { ErrorDetail } from '@reportmail/errors';

/** One schema problem as fastify-type-provider-zod reports it: zod's issue, spread into `params`. */
export type SchemaIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** zod's own wording starts like this; a message a schema gave itself never does. */
const LIBRARY_WORDING = /^(Invalid|Too (small|big)|Unrecognized key)/;

const A_TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};
const FORMATS: Record<string, string> = {
  email: 'an email address like owner@shop.example',
  uuid: 'a UUID',
  datetime: 'an ISO 8601 instant like 2026-03-01T00:00:00Z',
  date: 'a date as YYYY-MM-DD',
  url: 'a URL',
};

const list = (values: unknown) => (Array.isArray(values) ? values.map(String).join(', ') : '');

function sizeMessage(params: Record<string, unknown>, bound: 'minimum' | 'maximum'): string {
  const limit = Number(params[bound]);
  const word = bound === 'minimum' ? 'at least' : 'at most';
  if (params.origin === 'string')
    return limit === 1 && bound === 'minimum' ? 'must not be empty' : `must be ${word} ${limit} characters`;
  if (params.origin === 'array' || params.origin === 'set') return `must have ${word} ${limit} items`;
  return `must be ${word} ${limit}`;
}

/** The message in the project's words (`is required`, `must be …`), whatever zod said. */
function ownWords(issue: SchemaIssue): string {
  const message = issue.message ?? 'is invalid';
  if (!LIBRARY_WORDING.test(message)) return message;
  const params = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      if (/received undefined$/.test(message)) return 'is required';
      return `must be ${A_TYPE[String(params.expected)] ?? String(params.expected)}`;
    case 'invalid_value':
      return `must be one of ${list(params.values)}`;
    case 'too_small':
      return sizeMessage(params, 'minimum');
    case 'too_big':
      return sizeMessage(params, 'maximum');
    case 'invalid_format':
      return `must be ${FORMATS[String(params.format)] ?? `in the format ${String(params.format)}`}`;
    default:
      return 'is not valid here';
  }
}

/**
 * A schema problem as the API names it: `body.port` with `must be at most 65535`. An unknown field is
 * named itself (`body.ownerId: is not a field of this request`), not its parent.
 */
export function validationDetails(where: string, issue: SchemaIssue): ErrorDetail[] {
  const field = [where, ...issue.instancePath.split('/').filter(Boolean)].join('.');
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
    return issue.params.keys.map((key) => ({
      field: `${field}.${String(key)}`,
      message: 'is not a field of this request',
    }));
  }
  return [{ field, message: ownWords(issue) }];
}
