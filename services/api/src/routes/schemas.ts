import { z } from 'zod';

/** The one error shape every route answers with. */
export const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** Error replies a signed-in route can give, for its response schema. */
export const authErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 429: errorBody };

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
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain line breaks or control characters');

/** One plain address (`name@domain`), no display name, no list, no line break; stored lower-cased. */
export const emailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be one email address like owner@shop.example' }))
  .transform((value) => value.toLowerCase());

export const idParams = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });

/** `page` from 1, `pageSize` 1–100 (default 20). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const page = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
