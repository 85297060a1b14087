import { describe, expect, it } from 'vitest';
import { createBody, randomSigningSecret, updateBody, type WebhookFormValues, webhookFormValues } from './webhook-form';
import type { Webhook } from './webhooks-api';

const SECRET = 'whsec-0123456789abcdef0123456789';
const saved: Webhook = {
  id: '0f8f4cf4-0a57-4f7e-9a39-3c6d1c1d6c1e',
  scheduleId: '736cec08-c9df-4ba1-b338-1d6a39cba1f8',
  kind: 'webhook',
  label: 'Bookkeeping',
  urlHint: 'https://books.example/…/hook',
  signingSecretSet: true,
  enabled: true,
  createdAt: '2026-12-02T13:43:04.000Z',
  updatedAt: '2026-12-02T13:43:04.000Z',
};

describe('the webhook form', () => {
  it('starts a new webhook as Slack, an edit with its kind and label and the write-only fields blank', () => {
    expect(webhookFormValues(null)).toEqual({ kind: 'slack', label: '', url: '', signingSecret: '' });
    expect(webhookFormValues(saved)).toEqual({ kind: 'webhook', label: 'Bookkeeping', url: '', signingSecret: '' });
  });

  it('adds a generic webhook with its secret, a Slack one without the secret typed before switching kind', () => {
    const values: WebhookFormValues = {
      kind: 'webhook',
      label: 'Bookkeeping',
      url: ' https://books.example/hook ',
      signingSecret: SECRET,
    };
    expect(createBody(values)).toEqual({
      kind: 'webhook',
      label: 'Bookkeeping',
      url: 'https://books.example/hook',
      signingSecret: SECRET,
    });
    expect(createBody({ ...values, kind: 'slack' })).toEqual({
      kind: 'slack',
      label: 'Bookkeeping',
      url: 'https://books.example/hook',
    });
  });

  it('changes only what was typed: a blank URL or secret keeps the saved one', () => {
    const blank = { ...webhookFormValues(saved), label: 'Books' };
    expect(updateBody(blank)).toEqual({ label: 'Books' });
    expect(updateBody({ ...blank, url: 'https://books.example/v2 ', signingSecret: SECRET })).toEqual({
      label: 'Books',
      url: 'https://books.example/v2',
      signingSecret: SECRET,
    });
    expect(updateBody({ ...blank, kind: 'slack', signingSecret: SECRET })).toEqual({ label: 'Books' });
  });

  it('makes a 64-character hex signing secret', () => {
    expect(randomSigningSecret((bytes) => bytes.fill(171))).toBe('ab'.repeat(32));
    expect(randomSigningSecret()).toMatch(/^[0-9a-f]{64}$/);
  });
});
