import { ACCEPTED_DATES, addDays, isSupportedInstant, localDateProblem } from '@reportmail/reports';
import { z } from 'zod';
import { CONTROL_CHARACTER, CONTROL_CHARACTER_MESSAGE } from '../plugins/input-text.js';

/** The one error shape every route answers with. */
export const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** Error replies a signed-in route can give, for its response schema. */
export const authErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 429: errorBody };

/** A reply that is a document of its own type (HTML, a workbook, Prometheus text), for a response schema. */
export const documentReply = (contentType: string, description: string, schema: z.ZodType) => ({
  description,
  content: { [contentType]: { schema } },
});

/** Route security for OpenAPI: a bearer token. */
export const bearer = [{ bearerAuth: [] }];

/**
 * Text that ends up in a mail header (a name, a subject): CR, LF and other control characters are
 * refused, so nobody can add a header (`Bcc:`) by typing a line break.
 */
export const headerText = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !CONTROL_CHARACTER.test(value), CONTROL_CHARACTER_MESSAGE);

/** One plain address (`name@domain`), no display name, no list, no line break; stored lower-cased. */
export const emailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be one email address like owner@shop.example' }))
  .transform((value) => value.toLowerCase());

/** A calendar day `YYYY-MM-DD` that exists, within the supported range (1970-01-01 … 2199-12-31). */
export const localDate = z
  .string({ error: 'is required: a calendar date as YYYY-MM-DD' })
  .superRefine((value, context) => {
    const problem = localDateProblem(value, ACCEPTED_DATES);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .meta({ format: 'date', example: '2026-03-01' })
  .describe(`Local calendar date, ${ACCEPTED_DATES.first} to ${ACCEPTED_DATES.last}`);

/** An ISO 8601 instant with its offset, within the supported range (from 1970 to before 2200). */
export const instant = z.iso
  .datetime({
    offset: true,
    error: 'must be an ISO 8601 instant with a zone offset, like 2026-03-01T00:00:00+08:00 or 2026-02-28T16:00:00Z',
  })
  // A value the format check refused is not named twice.
  .refine(
    (value) => Number.isNaN(Date.parse(value)) || isSupportedInstant(new Date(value), ACCEPTED_DATES),
    `must be from ${ACCEPTED_DATES.first}T00:00:00Z to before ${addDays(ACCEPTED_DATES.last, 1)}T00:00:00Z`,
  );

export const idParams = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });

/** `page` from 1, `pageSize` 1–100 (default 20). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const page = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
