import { describe, expect, it } from 'vitest';
import { checkEvidenceFile, diffChanges, sniffEvidenceKind } from '../src/index.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('audit diff', () => {
  it('keeps the fields that changed, before and after', () => {
    expect(diffChanges({ a: 1, b: 'x', version: 1, updatedAt: new Date(0) }, { a: 2, b: 'x', version: 2, updatedAt: new Date(1) })).toEqual({
      a: { before: 1, after: 2 },
      version: { before: 1, after: 2 },
    });
  });
  it('records a creation and a deletion field by field, dates as ISO text, arrays compared by value', () => {
    expect(diffChanges(null, { title: 'T', note: null, at: new Date('2023-08-18T00:00:00Z') })).toEqual({
      title: { before: null, after: 'T' },
      at: { before: null, after: '2023-08-18T00:00:00.000Z' },
    });
    expect(diffChanges({ title: 'T' }, null)).toEqual({ title: { before: 'T', after: null } });
    expect(diffChanges({ ids: [1, 2] }, { ids: [1, 2] })).toEqual({});
    expect(diffChanges({ ids: [1, 2] }, { ids: [2] })).toEqual({ ids: { before: [1, 2], after: [2] } });
  });
  it('never records a password hash', () => {
    expect(diffChanges({ passwordHash: 'scrypt$a' }, { passwordHash: 'scrypt$b' })).toEqual({});
    expect(diffChanges(null, { username: 'u', passwordHash: 'scrypt$a' })).toEqual({ username: { before: null, after: 'u' } });
  });
});

describe('evidence file types, by content', () => {
  const cases: [string, Uint8Array, string][] = [
    ['a.pdf', bytes('%PDF-1.7 ...'), 'pdf'],
    ['a.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest'), 'png'],
    ['a.jpeg', bytes([0xff, 0xd8, 0xff, 0xdb]), 'jpeg'],
    ['a.gif', bytes('GIF89a...'), 'gif'],
    ['a.webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'webp'],
    ['a.doc', bytes(OLE, [0, 0], utf16('WordDocument')), 'doc'],
    ['a.xls', bytes(OLE, [0, 0], utf16('Workbook')), 'xls'],
    ['a.docx', bytes('PK', [3, 4], '...[Content_Types].xml...word/document.xml'), 'docx'],
    ['a.xlsx', bytes('PK', [3, 4], '...[Content_Types].xml...xl/workbook.xml'), 'xlsx'],
  ];
  it('recognises each accepted kind and accepts it under its own extension', () => {
    for (const [name, content, kind] of cases) {
      expect(sniffEvidenceKind(content), name).toBe(kind);
      expect(checkEvidenceFile(name, content), name).toMatchObject({ ok: true, kind });
    }
    expect(checkEvidenceFile('照片.JPG', cases[2]![1])).toMatchObject({ ok: true, mime: 'image/jpeg' });
  });
  it('refuses a file whose name lies about its content', () => {
    expect(checkEvidenceFile('report.pdf', cases[1]![1])).toEqual({ ok: false, reason: 'mismatch', detected: 'png', extension: 'pdf' });
    expect(checkEvidenceFile('sheet.docx', cases[8]![1])).toMatchObject({ ok: false, reason: 'mismatch', detected: 'xlsx' });
    expect(checkEvidenceFile('noext', cases[0]![1])).toMatchObject({ ok: false, reason: 'mismatch' });
  });
  it('refuses what is none of the kinds: executables, plain zips, scripts', () => {
    expect(checkEvidenceFile('a.pdf', bytes('MZ...'))).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkEvidenceFile('a.docx', bytes('PK', [3, 4], 'just a zip'))).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkEvidenceFile('a.pdf', bytes('<script>'))).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(checkEvidenceFile('a.pdf', new Uint8Array())).toMatchObject({ ok: false, reason: 'unsupported' });
  });
  it('trusts a .doc or .xls name for a compound file it cannot tell apart', () => {
    const ole = bytes(OLE, [0, 0, 0]);
    expect(checkEvidenceFile('a.doc', ole)).toMatchObject({ ok: true, kind: 'doc' });
    expect(checkEvidenceFile('a.xls', ole)).toMatchObject({ ok: true, kind: 'xls' });
    expect(checkEvidenceFile('a.pdf', ole)).toMatchObject({ ok: false, reason: 'mismatch' });
  });
});
