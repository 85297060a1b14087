import { AppError } from '@reportmail/errors';
import { deliveryAttachmentResource, type LinkSigner } from '@reportmail/secrets';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type AttachmentQuery = { expires?: number | undefined; signature?: string | undefined };

const ASK_AGAIN = 'ask for a new report, or sign in to the admin API and download it from the delivery log';

/**
 * Lets the request read a delivery's workbook: with a signed link (from the email) when it carries
 * one, else with a bearer token (viewer or admin). Checked before the delivery is looked up, so nobody
 * without access learns which ids exist.
 */
export async function authorizeAttachment(
  app: FastifyInstance,
  signer: LinkSigner,
  request: FastifyRequest,
  input: { deliveryId: string; query: AttachmentQuery },
): Promise<void> {
  const { expires, signature } = input.query;
  if (expires === undefined || signature === undefined) {
    await app.authenticate(request);
    return;
  }
  const check = signer.verify(deliveryAttachmentResource(input.deliveryId), expires, signature);
  if (check === 'expired') {
    const when = new Date(expires * 1000).toISOString();
    throw new AppError('UNAUTHENTICATED', `This download link expired at ${when}: ${ASK_AGAIN}`);
  }
  if (check === 'invalid') {
    throw new AppError('UNAUTHENTICATED', `This download link is not valid (changed or cut short): ${ASK_AGAIN}`);
  }
}

/**
 * `attachment; filename="…"` (RFC 6266). Workbook names are plain ASCII; anything else (quotes,
 * backslashes, control or non-ASCII characters) becomes `_` so the header can never be broken.
 */
export function attachmentDisposition(filename: string): string {
  const safe = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${safe}"`;
}
