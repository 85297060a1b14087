import { describe, expect, it } from 'vitest';
import { demoDatabaseUrl } from './demo-database.js';

describe('demoDatabaseUrl', () => {
  const product = 'postgres://app:secret@db.internal:5433/reportmail?sslmode=require';

  it('is reportmail_demo on the product database’s server by default, never the product database', () => {
    expect(demoDatabaseUrl(product, undefined)).toBe(
      'postgres://app:secret@db.internal:5433/reportmail_demo?sslmode=require',
    );
  });

  it('takes --database as a name on the same server, or as a whole URL', () => {
    expect(demoDatabaseUrl(product, 'shop_trial')).toBe(
      'postgres://app:secret@db.internal:5433/shop_trial?sslmode=require',
    );
    expect(demoDatabaseUrl(product, 'postgres://me@other:5432/mine')).toBe('postgres://me@other:5432/mine');
  });

  it('refuses a --database that is neither', () => {
    expect(() => demoDatabaseUrl(product, 'two words')).toThrow(
      '--database: "two words" is neither a database name nor a URL',
    );
  });
});
