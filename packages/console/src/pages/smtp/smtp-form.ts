import type { paths } from '../../api/client';

export type SmtpSettings = paths['/v1/smtp-settings']['get']['responses'][200]['content']['application/json'];
export type SmtpSaveBody = paths['/v1/smtp-settings']['put']['requestBody']['content']['application/json'];
export type SmtpVerifyBody = NonNullable<
  paths['/v1/smtp-settings/verify']['post']['requestBody']['content']['application/json']
>;
export type SmtpVerifyReply =
  paths['/v1/smtp-settings/verify']['post']['responses'][200]['content']['application/json'];
export type SmtpSecurity = SmtpSettings['security'];

/** The form as typed: every field text (or a number for the port) so an empty input stays empty. */
export type SmtpFormValues = {
  host: string;
  port: number | string;
  security: SmtpSecurity;
  username: string;
  password: string;
  fromAddress: string;
  fromName: string;
  adminAddress: string;
};

/** The fields the API can name in `body.<field>` errors and verify hints, in the form's order. */
export const SMTP_FORM_FIELDS = [
  'host',
  'port',
  'security',
  'username',
  'password',
  'fromAddress',
  'fromName',
  'adminAddress',
] as const satisfies readonly (keyof SmtpFormValues)[];

/** The port each security mode normally uses (465 implicit TLS, 587 submission with STARTTLS, 25 plain). */
export const USUAL_PORT: Record<SmtpSecurity, number> = { none: 25, starttls: 587, tls: 465 };
const USUAL_PORTS = new Set(Object.values(USUAL_PORT));

/**
 * The port to show after choosing a security mode: its usual one while the port is empty or still one of
 * the usual ports; a port the admin typed (2525…) is theirs and stays.
 */
export function portForSecurity(port: number | string, security: SmtpSecurity): number | string {
  const current = typeof port === 'number' ? port : Number.parseInt(port, 10);
  if (port === '' || USUAL_PORTS.has(current)) return USUAL_PORT[security];
  return port;
}

/** What the form starts with: the saved settings (never a password: it is write-only), or a blank form. */
export function initialValues(saved: SmtpSettings | null): SmtpFormValues {
  return {
    host: saved?.host ?? '',
    port: saved?.port ?? USUAL_PORT.starttls,
    security: saved?.security ?? 'starttls',
    username: saved?.username ?? '',
    password: '',
    fromAddress: saved?.fromAddress ?? '',
    fromName: saved?.fromName ?? 'Reports',
    adminAddress: saved?.adminAddress ?? '',
  };
}

/** A port the API can check: a whole number as typed, or the text itself so the API names what is wrong. */
const portValue = (port: number | string): number | undefined => {
  if (port === '') return undefined;
  return typeof port === 'number' ? port : Number(port);
};

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

/** The PUT body: a blank password keeps the saved one (omitted), a blank username or admin address is none. */
export function toSaveBody(values: SmtpFormValues): SmtpSaveBody {
  return {
    host: values.host,
    // An empty port goes as missing, and the API's "is required" shows beside the input.
    port: portValue(values.port) as number,
    security: values.security,
    username: blankToNull(values.username),
    ...(values.password === '' ? {} : { password: values.password }),
    fromAddress: values.fromAddress,
    fromName: values.fromName,
    adminAddress: blankToNull(values.adminAddress),
  };
}

/**
 * The verify body: the form's values, laid by the API over the saved settings. Blank text fields are left
 * out so the saved value (or, before the first save, the API's "is required") applies instead of a blank.
 */
export function toVerifyBody(values: SmtpFormValues): SmtpVerifyBody {
  const body: SmtpVerifyBody = { security: values.security, username: blankToNull(values.username) };
  const port = portValue(values.port);
  if (port !== undefined) body.port = port;
  if (values.host.trim() !== '') body.host = values.host;
  if (values.password !== '') body.password = values.password;
  if (values.fromAddress.trim() !== '') body.fromAddress = values.fromAddress;
  if (values.fromName.trim() !== '') body.fromName = values.fromName;
  body.adminAddress = blankToNull(values.adminAddress);
  return body;
}
