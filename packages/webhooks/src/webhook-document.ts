/** Where the report's workbook can be downloaded, or why not; `url` is a signed, expiring link. */
export type WorkbookReference = {
  filename: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  url: string | null;
  expiresAt: string | null;
};

/**
 * What a generic webhook receives (JSON, the body the signature covers). `report` is the summary of the
 * report as `/v1/report-data?rows=false` answers it (amounts are decimal strings), from the same snapshot
 * as the email and the workbook.
 */
export type WebhookDocument = {
  type: 'report.delivered';
  /** This delivery's ledger row: the same on every retry (also in the X-Reportmail-Delivery header). */
  deliveryId: string;
  /** The email delivery whose report this is. */
  reportDeliveryId: string;
  trigger: string;
  schedule: { id: string | null; name: string | null };
  period: { start: string; end: string; timezone: string; label: string };
  subject: string | null;
  report: Record<string, unknown>;
  workbook: WorkbookReference;
};

export function webhookDocument(input: Omit<WebhookDocument, 'type'>): WebhookDocument {
  return { type: 'report.delivered', ...input };
}
