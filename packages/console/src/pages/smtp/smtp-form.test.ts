import { describe, expect, it } from 'vitest';
import { initialValues, portForSecurity, type SmtpFormValues, toSaveBody, toVerifyBody } from './smtp-form';

const form = (overrides: Partial<SmtpFormValues> = {}): SmtpFormValues => ({
  host: 'smtp.shop.example',
  port: 587,
  security: 'starttls',
  username: 'reports@shop.example',
  password: '',
  fromAddress: 'reports@shop.example',
  fromName: 'Reports',
  adminAddress: '',
  ...overrides,
});

describe('portForSecurity', () => {
  it.each([
    [587, 'tls', 465],
    [465, 'starttls', 587],
    [587, 'none', 25],
    [25, 'tls', 465],
    ['', 'starttls', 587],
    ['465', 'none', 25],
    [2525, 'tls', 2525],
    [1025, 'none', 1025],
    ['2525', 'starttls', '2525'],
  ] as const)('port %j with %s → %j', (port, security, expected) => {
    expect(portForSecurity(port, security)).toBe(expected);
  });
});

describe('initialValues', () => {
  it('starts a blank form on STARTTLS 587 with the API default sender name', () => {
    expect(initialValues(null)).toEqual(
      form({ host: '', username: '', fromAddress: '', fromName: 'Reports', adminAddress: '' }),
    );
  });

  it('shows the saved settings, never a password, and no admin address as blank', () => {
    const saved = {
      host: 'smtp.gmail.com',
      port: 465,
      security: 'tls' as const,
      username: null,
      passwordSet: true,
      fromAddress: 'shop@gmail.com',
      fromName: 'Shop',
      adminAddress: null,
      updatedAt: '2026-03-01T00:00:00.000Z',
      updatedBy: null,
    };
    expect(initialValues(saved)).toEqual({
      host: 'smtp.gmail.com',
      port: 465,
      security: 'tls',
      username: '',
      password: '',
      fromAddress: 'shop@gmail.com',
      fromName: 'Shop',
      adminAddress: '',
    });
  });
});

describe('toSaveBody', () => {
  it('leaves a blank password out (the saved one stays) and sends blanks as none', () => {
    expect(toSaveBody(form({ username: ' ', adminAddress: '' }))).toEqual({
      host: 'smtp.shop.example',
      port: 587,
      security: 'starttls',
      username: null,
      fromAddress: 'reports@shop.example',
      fromName: 'Reports',
      adminAddress: null,
    });
  });

  it('sends a typed password and admin address', () => {
    expect(toSaveBody(form({ password: 'app password', adminAddress: 'owner@shop.example' }))).toMatchObject({
      password: 'app password',
      adminAddress: 'owner@shop.example',
    });
  });
});

describe('toVerifyBody', () => {
  it('sends what is filled in, leaving blanks to the saved settings', () => {
    expect(toVerifyBody(form({ host: '', port: '', fromAddress: '', fromName: ' ' }))).toEqual({
      security: 'starttls',
      username: 'reports@shop.example',
      adminAddress: null,
    });
  });

  it('sends a typed password and the port as a number', () => {
    expect(toVerifyBody(form({ port: '2525', password: 'secret' }))).toEqual({
      host: 'smtp.shop.example',
      port: 2525,
      security: 'starttls',
      username: 'reports@shop.example',
      password: 'secret',
      fromAddress: 'reports@shop.example',
      fromName: 'Reports',
      adminAddress: null,
    });
  });
});
