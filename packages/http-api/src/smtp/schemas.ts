import { isIP } from 'node:net';
import { z } from 'zod';
import { emailAddress, headerText } from '../routes/schemas.js';
import { SMTP_HINT_FIELDS, SMTP_VERIFY_CODES } from './hints.js';

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;

const fields = {
  host: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => isIP(value) !== 0 || HOST_NAME.test(value), 'must be a host name like smtp.example.com'),
  port: z
    .number({ error: 'must be a port number from 1 to 65535' })
    .int('must be a port number from 1 to 65535')
    .min(1, 'must be a port number from 1 to 65535')
    .max(65_535, 'must be a port number from 1 to 65535'),
  security: z.enum(SMTP_SECURITY, { error: 'must be none, starttls (ports 587, 25) or tls (port 465)' }),
  /** Blank or null: no SMTP AUTH. */
  username: z
    .string()
    .trim()
    .max(254)
    .refine((value) => !CONTROL.test(value), 'must not contain line breaks or control characters')
    .nullable()
    .optional(),
  /** Write-only; blank or omitted keeps the saved one. */
  password: z.string().max(1024).nullable().optional(),
  fromAddress: emailAddress,
  fromName: headerText(100),
  /** Where failure notices go; null sends none. */
  adminAddress: emailAddress.nullable(),
};

export const smtpSettingsBody = z.strictObject({
  host: fields.host,
  port: fields.port,
  security: fields.security,
  username: fields.username,
  password: fields.password,
  fromAddress: fields.fromAddress,
  fromName: fields.fromName.default('Reports'),
  adminAddress: fields.adminAddress.default(null),
});
export type SmtpSettingsBody = z.infer<typeof smtpSettingsBody>;

/** The PUT fields, all optional: what is given overrides the saved settings for this one test. */
export const smtpVerifyBody = z
  .strictObject({
    host: fields.host.optional(),
    port: fields.port.optional(),
    security: fields.security.optional(),
    username: fields.username,
    password: fields.password,
    fromAddress: fields.fromAddress.optional(),
    fromName: fields.fromName.optional(),
    adminAddress: fields.adminAddress.optional(),
  })
  .nullish();
export type SmtpVerifyBody = NonNullable<z.infer<typeof smtpVerifyBody>>;

export const smtpSettingsReply = z.object({
  host: z.string(),
  port: z.number(),
  security: z.enum(SMTP_SECURITY),
  username: z.string().nullable(),
  /** Whether a password is saved; the password itself is never sent back. */
  passwordSet: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  adminAddress: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.uuid().nullable(),
});
export type SmtpSettingsReply = z.infer<typeof smtpSettingsReply>;

export const smtpVerifyReply = z.union([
  z.object({
    ok: z.literal(true),
    login: z
      .enum(['accepted', 'not_tested', 'not_used'])
      .describe(
        'accepted; not_tested: the server offers no AUTH, the credentials were not tried; not_used: no username',
      ),
    note: z.string().nullable().describe('Why the login was not tested, when it was not'),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(SMTP_VERIFY_CODES),
    hint: z.string(),
    field: z
      .enum(SMTP_HINT_FIELDS)
      .nullable()
      .describe('The settings field the hint is about (to show it beside that input); null when none is'),
    serverMessage: z.string(),
  }),
]);
