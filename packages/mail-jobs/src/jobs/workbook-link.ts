import { deliveryAttachmentResource, type LinkSigner } from '@reportmail/secrets';

/** Signed download links for stored workbooks (PUBLIC_URL set). */
export type AttachmentLinks = {
  /** The admin API's public base URL. */
  publicUrl: string;
  ttlHours: number;
  signer: LinkSigner;
};

/**
 * A signed, expiring link to a delivery's stored workbook (a bearer credential), valid `ttlHours` from
 * `now`: emails whose workbook was too large to attach and webhook posts carry it.
 */
export function signedWorkbookLink(
  deliveryId: string,
  links: AttachmentLinks,
  now = new Date(),
): { url: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + links.ttlHours * 3_600_000);
  const { expires, signature } = links.signer.sign(deliveryAttachmentResource(deliveryId), expiresAt);
  const base = links.publicUrl.replace(/\/+$/, '');
  const url = `${base}/v1/deliveries/${deliveryId}/attachment?expires=${expires}&signature=${signature}`;
  return { url, expiresAt: new Date(expires * 1000) };
}
