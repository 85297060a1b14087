import { invalidField } from '@reportmail/errors';
import { hostProblem } from '@reportmail/net-guard';

export type SmtpHostGuardOptions = {
  /** ALLOW_PRIVATE_SMTP: internal addresses are fine (development, tests, a relay on the same network). */
  allowPrivate: boolean;
  /** The field the refusal names (`body.host`). */
  field: string;
};

/**
 * Refuses an SMTP host that does not resolve, or where any of its addresses is internal (unless
 * allowed): the admin API must not become a way to probe or reach the network it runs in (SSRF).
 */
export async function assertSmtpHostAllowed(host: string, options: SmtpHostGuardOptions): Promise<void> {
  const found = await hostProblem(host, options.allowPrivate);
  if (!found) return;
  const message =
    found.problem === 'metadata name'
      ? `${host} is a cloud metadata service, not a mail server`
      : found.problem === 'unresolved'
        ? `${host} does not resolve: check the spelling of the mail server's name`
        : `${host} resolves to a ${found.kind} address; only public mail servers are allowed (ALLOW_PRIVATE_SMTP is off)`;
  throw invalidField(options.field, message);
}
