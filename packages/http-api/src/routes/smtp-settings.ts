import { AppError } from '@reportmail/errors';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { recordAudit } from '../audit.js';
import { assertSmtpHostAllowed } from '../smtp/host-guard.js';
import { smtpSettingsBody, smtpSettingsReply, smtpVerifyBody, smtpVerifyReply } from '../smtp/schemas.js';
import { readSmtpSettingsRow, saveSmtpSettings, smtpSettingsReplyOf } from '../smtp/settings-store.js';
import { settingsToVerify, verifySmtpConnection } from '../smtp/verify.js';
import { authErrors, bearer } from './schemas.js';

const notConfigured = () => new AppError('NOT_FOUND', 'SMTP is not configured yet');

const HOST_RULES =
  'The host must resolve, and unless ALLOW_PRIVATE_SMTP is set none of its addresses may be loopback, ' +
  'private, link-local, unspecified or a cloud metadata address (400 naming body.host).';

export const smtpSettingsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const guardHost = (host: string) =>
    assertSmtpHostAllowed(host, { allowPrivate: deps.config.ALLOW_PRIVATE_SMTP, field: 'body.host' });

  app.get(
    '/v1/smtp-settings',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['smtp'],
        summary: 'The outgoing mail server settings',
        description:
          'Never returns the password: `passwordSet` tells whether one is saved. ' +
          'Answers 404 NOT_FOUND ("SMTP is not configured yet") until the settings are first saved.',
        security: bearer,
        response: { 200: smtpSettingsReply, ...authErrors },
      },
    },
    async () => {
      const row = await readSmtpSettingsRow(db);
      if (!row) throw notConfigured();
      return smtpSettingsReplyOf(row);
    },
  );

  app.put(
    '/v1/smtp-settings',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['smtp'],
        summary: 'Save the outgoing mail server settings (admin)',
        description:
          'Replaces the settings. `password` is write-only: omitted or blank keeps the saved one, but only while ' +
          'the host stays the same (a new host needs the password again). A password needs a username; no ' +
          `username means no SMTP AUTH and removes the saved password. ${HOST_RULES} ` +
          'Records an `smtp.update` audit entry with the names of the changed fields and `passwordChanged`.',
        security: bearer,
        body: smtpSettingsBody,
        response: { 200: smtpSettingsReply, ...authErrors },
      },
    },
    async (request) => {
      await guardHost(request.body.host);
      const row = await saveSmtpSettings({ db, secretBox: deps.secretBox }, request.body, request.user.sub);
      return smtpSettingsReplyOf(row);
    },
  );

  app.post(
    '/v1/smtp-settings/verify',
    {
      onRequest: app.requireRole('admin'),
      preHandler: app.limits.sendsPerUser,
      schema: {
        tags: ['smtp'],
        summary: 'Test connecting and logging in to the mail server (admin)',
        description:
          'Uses the saved settings, with any field given in the body laid over them, so settings can be tested ' +
          'before saving (a blank password means the saved one, for the saved host only). Connects, upgrades to ' +
          'TLS as configured and logs in; sends no mail. Answers 200 `{ok: true, login, note}` (`login: not_tested` ' +
          'with a note when the server offers no AUTH, so a username and password could not be tried), or 200 `{ok: false, code, ' +
          'hint, field, serverMessage}` with what to change and `field`, the setting it is about (host, port, security, ' +
          `username or password; null when no one setting is). ${HOST_RULES} Counts against the per-user send limit; ` +
          'records an `smtp.verify` audit entry.',
        security: bearer,
        body: smtpVerifyBody,
        response: { 200: smtpVerifyReply, ...authErrors },
      },
    },
    async (request) => {
      const saved = await readSmtpSettingsRow(db);
      const settings = settingsToVerify(request.body ?? {}, saved, deps.secretBox);
      // Checked again here, not only when saved: the name may resolve elsewhere by now (DNS rebinding).
      await guardHost(settings.host);
      const result = await verifySmtpConnection(settings);
      const outcome = { ok: result.ok, code: result.ok ? null : result.code, login: result.ok ? result.login : null };
      await recordAudit(db, {
        actorId: request.user.sub,
        action: 'smtp.verify',
        target: 'smtp_settings',
        details: { ...outcome, host: settings.host, port: settings.port, security: settings.security },
      });
      request.log.info({ ...outcome, host: settings.host, port: settings.port }, 'SMTP settings verified');
      return result;
    },
  );
};
