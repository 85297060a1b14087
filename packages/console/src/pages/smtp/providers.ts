import type { SmtpSecurity } from './smtp-form';

/** What "Fill in these settings" puts in the form; a missing host leaves the typed one. */
export type ProviderSettings = { host?: string; port: number; security: SmtpSecurity };

export type Provider = {
  id: string;
  name: string;
  /** Short steps, in the order the admin does them. */
  steps: string[];
  fill: ProviderSettings;
};

export const PROVIDERS: Provider[] = [
  {
    id: 'gmail',
    name: 'Gmail or Google Workspace',
    steps: [
      'Turn on 2-Step Verification for the Google account that sends the reports: App passwords need it.',
      'Create an App password (Google Account → Security → 2-Step Verification → App passwords) and use it as the password here, not the account’s normal password.',
      'Host smtp.gmail.com, port 587 with STARTTLS (or port 465 with TLS). The username is the full Gmail address.',
      'The from address should be that Gmail address (or an alias set up in Gmail), or Gmail rewrites it.',
    ],
    fill: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
  },
  {
    id: 'microsoft',
    name: 'Microsoft 365 (Outlook)',
    steps: [
      'SMTP AUTH must be enabled for the sending mailbox (Microsoft 365 admin center → Users → the user → Mail → Manage email apps → Authenticated SMTP). Tenants with Security defaults turn it off.',
      'Host smtp.office365.com, port 587 with STARTTLS. The username is the mailbox’s full address.',
      'Accounts with multi-factor sign-in need an app password where the tenant allows them.',
      'The from address must be that mailbox, or one it may send as.',
    ],
    fill: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
  },
  {
    id: 'ses',
    name: 'Amazon SES',
    steps: [
      'Verify the sender identity (the from address or its whole domain) in the SES console; while the account is in the sandbox, verify the recipients too.',
      'Create SMTP credentials (SES console → SMTP settings → Create SMTP credentials). They are not your AWS access keys: use the SMTP user name and password SES shows once.',
      'Host email-smtp.<region>.amazonaws.com for the region SES runs in (the button fills in us-east-1: change it to yours), port 587 with STARTTLS or port 465 with TLS.',
    ],
    fill: { host: 'email-smtp.us-east-1.amazonaws.com', port: 587, security: 'starttls' },
  },
  {
    id: 'other',
    name: 'Another provider',
    steps: [
      'Look for “SMTP settings” in your provider’s help: it gives a host (often smtp.<your domain>), a port and a security mode.',
      'Port 587 with STARTTLS is the usual choice; port 465 with TLS where STARTTLS is not offered. Port 25 is often blocked by hosting providers.',
      'The username is usually the full email address. Use an app password where the provider has one.',
      'The button sets port 587 and STARTTLS and keeps the host you typed.',
    ],
    fill: { port: 587, security: 'starttls' },
  },
];
