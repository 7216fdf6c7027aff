import { describe, expect, it } from 'vitest';
import { redactUrl } from '../src/lib/log-redaction.js';

describe('share tokens in logs', () => {
  it('masks the token of share pages and share API calls, and nothing else', () => {
    expect(redactUrl('/api/share/AbC_123-xyz/ledger.xlsx?x=1')).toBe('/api/share/[redacted]/ledger.xlsx?x=1');
    expect(redactUrl('/share/AbC_123-xyz')).toBe('/share/[redacted]');
    expect(redactUrl('/api/rounds/1/share-links')).toBe('/api/rounds/1/share-links');
    expect(redactUrl('/api/measures?q=share')).toBe('/api/measures?q=share');
  });
});
