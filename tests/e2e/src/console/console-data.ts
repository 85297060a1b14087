import type { SmtpSink } from '@reportmail/testing';
import { createShopFactory, type TestDatabase } from '@reportmail/testing';

export const SHOP_ZONE = 'Asia/Manila';

/** `YYYY-MM-DD` in Manila (UTC+8 all year) `days` after today. */
export function manilaDate(days: number, now: Date = new Date()): string {
  const local = new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000);
  return local.toISOString().slice(0, 10);
}

/**
 * A week of takings before today in Manila, and one payment today that a "days before the send" report
 * leaves out: every day a 1,000.25 cash sale payment at noon, two 250.50 GCash repair payments (yesterday
 * and three days ago). The seven days before today: ₱7,502.75 in 9 payments (sales ₱7,001.75 in 7,
 * repairs ₱501.00 in 2).
 */
export const WEEK_BEFORE_TODAY = { total: '₱7,502.75', sales: '₱7,001.75', repairs: '₱501.00', payments: 9 };

export async function seedRecentWeek(database: TestDatabase, now: Date = new Date()): Promise<void> {
  const shop = createShopFactory(database.sql);
  const noon = (days: number) => `${manilaDate(days, now)}T12:00:00+08:00`;
  for (let day = -7; day <= -1; day += 1) {
    await shop.createSale({
      customer: { name: `Walk-in ${-day}` },
      items: [{ product: 'Phone case', qty: 1, unitPrice: '1000.25' }],
      payments: [{ amount: '1000.25', paidAt: noon(day) }],
    });
  }
  for (const day of [-1, -3]) {
    await shop.createDevice({ payments: [{ amount: '250.50', paidAt: noon(day), method: 'GCash' }] });
  }
  await shop.createSale({
    items: [{ product: 'Laptop', qty: 1, unitPrice: '9999.00' }],
    payments: [{ amount: '9999.00', paidAt: new Date(now.getTime() - 60_000).toISOString() }],
  });
}

/** A JSON client of the API with a bearer token, for setting data up around the browser. */
export async function apiClient(baseUrl: string, user: { email: string; password: string }) {
  const login = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  const { token } = (await login.json()) as { token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

export type ApiCall = Awaited<ReturnType<typeof apiClient>>;

/** SMTP pointed at the test's sink (what the form test does by hand). */
export function smtpToSink(sink: SmtpSink) {
  return {
    host: '127.0.0.1',
    port: sink.port,
    security: 'none',
    username: 'reports@shop.example',
    password: 'sink-password',
    fromAddress: 'reports@shop.example',
    fromName: 'Shop Reports',
  };
}

/** Polls the delivery until it is final (sent, failed, unknown or skipped). */
export async function awaitFinalDelivery(call: ApiCall, id: string, timeoutMs = 30_000): Promise<{ status: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivery = await call<{ status: string }>('GET', `/v1/deliveries/${id}`);
    if (['sent', 'failed', 'unknown', 'skipped'].includes(delivery.status)) return delivery;
    if (Date.now() > deadline) throw new Error(`delivery ${id} still ${delivery.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
