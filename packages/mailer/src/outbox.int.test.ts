import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ComposedMessage, composeMessage } from './compose.js';
import { saveToOutbox } from './outbox.js';
import { classifyOutboxError } from './outbox-errors.js';
import { SendFailure } from './send.js';

const ID = '8d3c5a56-50a4-4f5c-9d1e-7a0d3e0f8c11';
const SAVED_AT = new Date('2026-12-01T22:52:34.567Z');
const WORKBOOK = Buffer.from('PK\u0003\u0004 workbook \u00ff\u0000', 'latin1');
const HTML = '<p>Total <b>₱3,715.00</b></p>';

/** The real error a file-system call fails with. */
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('saveToOutbox', () => {
  let root: string;
  let composed: ComposedMessage;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'reportmail-mailer-outbox-'));
    composed = await composeMessage({
      from: { name: 'Reports', address: 'reports@reportmail.localhost' },
      to: ['owner@shop.example'],
      cc: ['books@shop.example'],
      bcc: ['audit@shop.example'],
      subject: 'Daily Sales Report - Mar 2, 2026',
      html: HTML,
      text: 'Total ₱3,715.00',
      messageId: `<${ID}@reportmail.localhost>`,
      attachments: [{ filename: 'Sales_Report_2026_03_02.xlsx', contentType: 'application/x', content: WORKBOOK }],
    });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('creates the folder and writes exactly the message bytes, the HTML and the workbook, owner-only', async () => {
    const folder = join(root, 'var', 'outbox');
    const entry = { id: ID, composed, html: HTML, workbook: { filename: 'Sales_Report.xlsx', content: WORKBOOK } };
    const saved = await saveToOutbox(folder, entry, SAVED_AT);
    const stem = join(folder, `2026-12-01T22-52-34Z_${ID}`);
    expect(saved).toEqual({
      path: `${stem}.eml`,
      files: [`${stem}.html`, `${stem}.xlsx`, `${stem}.eml`],
      accepted: ['owner@shop.example', 'books@shop.example', 'audit@shop.example'],
    });
    expect(await readdir(folder)).toEqual(
      [`${ID}.eml`, `${ID}.html`, `${ID}.xlsx`].map((n) => `2026-12-01T22-52-34Z_${n}`),
    );
    expect((await readFile(`${stem}.eml`)).equals(composed.raw)).toBe(true);
    expect(await readFile(`${stem}.html`, 'utf8')).toBe(HTML);
    expect((await readFile(`${stem}.xlsx`)).equals(WORKBOOK)).toBe(true);
    expect(((await stat(`${stem}.eml`)).mode & 0o777).toString(8)).toBe('600');
  });

  it('writes only the .eml when there is neither HTML nor a workbook', async () => {
    const folder = join(root, 'plain');
    const saved = await saveToOutbox(folder, { id: `notice-${ID}`, composed }, SAVED_AT);
    expect(await readdir(folder)).toEqual([`2026-12-01T22-52-34Z_notice-${ID}.eml`]);
    expect(saved.files).toEqual([saved.path]);
  });

  it('refuses an id that could leave the folder, writing nothing', async () => {
    const folder = join(root, 'unsafe');
    await expect(saveToOutbox(folder, { id: '../escape', composed }, SAVED_AT)).rejects.toThrow(
      'Not a file-safe outbox id: "../escape"',
    );
    expect(await errorOf(readdir(folder))).toMatchObject({ code: 'ENOENT' });
  });

  it('fails as a permanent SendFailure when the folder is a file', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, '');
    const failure = await errorOf(saveToOutbox(file, { id: ID, composed }, SAVED_AT));
    expect(failure).toBeInstanceOf(SendFailure);
    expect((failure as SendFailure).failure).toEqual({
      kind: 'permanent',
      message: `Outbox: EEXIST: file already exists, mkdir '${file}'`,
    });
  });
});

describe('classifyOutboxError', () => {
  it('keeps a full disk transient (space can be freed) and a folder in the way permanent, from real errors', async () => {
    const full = await errorOf(writeFile('/dev/full', 'x'));
    expect(classifyOutboxError(full)).toEqual({
      kind: 'transient',
      message: 'Outbox: ENOSPC: no space left on device, write',
    });
    const folder = await mkdtemp(join(tmpdir(), 'reportmail-eisdir-'));
    try {
      expect(classifyOutboxError(await errorOf(writeFile(folder, 'x')))).toEqual({
        kind: 'permanent',
        message: `Outbox: EISDIR: illegal operation on a directory, open '${folder}'`,
      });
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it.each([
    ['EACCES', 'permanent'],
    ['EPERM', 'permanent'],
    ['EROFS', 'permanent'],
    ['ENAMETOOLONG', 'permanent'],
    ['EDQUOT', 'transient'],
    ['EMFILE', 'transient'],
    ['EIO', 'transient'],
  ])('%s → %s', (code, kind) => {
    const error = Object.assign(new Error(`${code}: failed, open '/srv/outbox/x.eml'`), { code });
    expect(classifyOutboxError(error)).toEqual({ kind, message: `Outbox: ${code}: failed, open '/srv/outbox/x.eml'` });
  });

  it('treats anything unexpected as transient, so the bounded retries decide', () => {
    expect(classifyOutboxError('boom')).toEqual({ kind: 'transient', message: 'Outbox: boom' });
  });
});
