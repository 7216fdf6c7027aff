import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { assertSafeZip, docxToText, parseLedgerXlsx, UnsafeArchiveError } from '../src/index.js';
import { deflatedZeros, rawZip, zipBomb } from './zip-bombs.js';

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnsafeArchiveError);
  return (error as UnsafeArchiveError).reason;
};

describe('zip-bomb guard', () => {
  it('passes a real office file', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document>' + '整改'.repeat(50_000) + '</w:document>');
    await expect(assertSafeZip(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).resolves.toBeUndefined();
  });

  it('refuses an archive that declares more than the budget, before inflating', async () => {
    expect(await refusal(assertSafeZip(zipBomb(1200)))).toMatch(/ENTRY_TOO_LARGE|TOTAL_TOO_LARGE/);
  });

  it('refuses an entry that inflates beyond what it declares (stops at the declared size)', async () => {
    expect(await refusal(assertSafeZip(zipBomb(1200, { declare: 4096 })))).toBe('SIZE_MISMATCH');
  });

  it('refuses a too high compression ratio, too many entries, shared (overlapping) data and non-zips', async () => {
    expect(await refusal(assertSafeZip(zipBomb(40)))).toBe('RATIO_TOO_HIGH');
    const tiny = { data: Buffer.from('x'), method: 0 as const, size: 1 };
    expect(await refusal(assertSafeZip(rawZip(Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}`, ...tiny })))))).toBe('TOO_MANY_ENTRIES');
    const shared = Array.from({ length: 5 }, (_, i) => ({ name: `s${i}.xml`, data: deflatedZeros(1), method: 8 as const, size: 1024 * 1024 }));
    expect(await refusal(assertSafeZip(rawZip(shared, { reuseFirstData: true })))).toBe('OVERLAPPING_ENTRIES');
    expect(await refusal(assertSafeZip(Buffer.from('PK\u0003\u0004 not really a zip', 'latin1')))).toBe('NOT_ZIP');
  });

  it('guards both readers of uploaded archives: the ledger import and the .docx text import', async () => {
    expect(await refusal(parseLedgerXlsx(zipBomb(1200, { declare: 4096 })))).toBe('SIZE_MISMATCH');
    expect(await refusal(docxToText(zipBomb(1200, { sheet: 'word/document.xml' })))).toMatch(/TOO_LARGE/);
  });
});
