import { invalidField } from '@reportmail/errors';
import { forbiddenAddressKind, isMetadataHostName, resolveAll } from '@reportmail/net-guard';

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
  if (!options.allowPrivate && isMetadataHostName(host)) {
    throw invalidField(options.field, `${host} is a cloud metadata service, not a mail server`);
  }
  const addresses = await resolveAll(host);
  if (addresses.length === 0) {
    throw invalidField(options.field, `${host} does not resolve: check the spelling of the mail server's name`);
  }
  if (options.allowPrivate) return;
  for (const address of addresses) {
    const kind = forbiddenAddressKind(address);
    if (kind) {
      throw invalidField(
        options.field,
        `${host} resolves to a ${kind} address; only public mail servers are allowed (ALLOW_PRIVATE_SMTP is off)`,
      );
    }
  }
}
