import { mkdir } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { type FileToWrite, writeFilesAtomically } from './atomic-files.js';
import type { ComposedMessage } from './compose.js';
import { classifyOutboxError } from './outbox-errors.js';
import { SendFailure } from './send.js';
import type { MailSender } from './settings.js';

/**
 * Who outbox mail is from, and where its failure notices go, while no SMTP settings exist (a schedule's
 * own sender name still applies). `.localhost` is reserved (RFC 6761): these addresses never route.
 */
export const OUTBOX_SENDER: MailSender = {
  fromName: 'Reports',
  fromAddress: 'reports@reportmail.localhost',
  adminAddress: 'admin@reportmail.localhost',
};

export type OutboxEntry = {
  /** Names the files: a delivery id, or `notice-<delivery id>`. */
  id: string;
  composed: ComposedMessage;
  /** The HTML part, saved beside the message so a browser can show it. */
  html?: string;
  /** The attached workbook, saved beside the message as well. */
  workbook?: { filename: string; content: Buffer };
};

/** The saved `.eml` (absolute), every file written with it, and the envelope's recipients. */
export type SavedToOutbox = { path: string; files: string[]; accepted: string[] };

/** Delivery ids and `notice-` ids: nothing that could leave the folder or hide a file. */
const FILE_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Saves a composed message into the outbox folder as `<UTC time>_<id>.eml` (through nodemailer's stream
 * transport, fed the raw message and envelope the way SMTP is), with `.html` and the workbook under the
 * same stem. Every file is written under a temporary name and renamed, the `.eml` last. A failure is a
 * SendFailure, classified like an SMTP one (a full disk is transient, a permission error permanent).
 */
export async function saveToOutbox(folder: string, entry: OutboxEntry, now = new Date()): Promise<SavedToOutbox> {
  if (!FILE_SAFE_ID.test(entry.id)) throw new Error(`Not a file-safe outbox id: ${JSON.stringify(entry.id)}`);
  const stem = resolve(folder, `${outboxTimestamp(now)}_${entry.id}`);
  const files: FileToWrite[] = [];
  if (entry.html !== undefined) files.push({ path: `${stem}.html`, content: entry.html });
  if (entry.workbook) {
    files.push({ path: `${stem}${extname(entry.workbook.filename) || '.xlsx'}`, content: entry.workbook.content });
  }
  try {
    files.push({ path: `${stem}.eml`, content: await messageBytes(entry.composed) });
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFilesAtomically(files);
  } catch (error) {
    throw new SendFailure(classifyOutboxError(error), error);
  }
  return { path: `${stem}.eml`, files: files.map((file) => file.path), accepted: entry.composed.envelope.to };
}

/** `2026-12-01T22-52-34Z`: sorts by time and is a valid file name everywhere (no colons). */
export function outboxTimestamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
}

/** The message as a real nodemailer transport hands it over: the raw bytes, line breaks untouched. */
async function messageBytes(composed: ComposedMessage): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  try {
    const info = await transport.sendMail({ envelope: composed.envelope, raw: composed.raw });
    if (!Buffer.isBuffer(info.message)) throw new Error('The stream transport did not return a buffer');
    return info.message;
  } finally {
    transport.close();
  }
}
