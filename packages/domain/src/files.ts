/**
 * Evidence files (佐证材料) are accepted by what their bytes are, not by what their name claims:
 * the content is recognised from its signature, and the name's extension must agree with it.
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export const EVIDENCE_KINDS = ['pdf', 'png', 'jpeg', 'gif', 'webp', 'doc', 'xls', 'docx', 'xlsx'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const evidenceMime: Record<EvidenceKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** File-name extensions each kind may carry. */
export const evidenceExtensions: Record<EvidenceKind, readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
  doc: ['doc'],
  xls: ['xls'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};

export const EVIDENCE_ACCEPT = Object.values(evidenceExtensions).flat().map((e) => `.${e}`).join(',');

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const utf16le = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);

function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0): number {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0, from); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
const contains = (bytes: Uint8Array, needle: readonly number[]) => indexOf(bytes, needle) !== -1;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes are, or null when they are none of the accepted kinds. */
export function sniffEvidenceKind(bytes: Uint8Array): EvidenceKind | 'ole2' | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, OLE2)) {
    // The compound file's directory names its streams in UTF-16: Word keeps "WordDocument",
    // Excel "Workbook" (or "Book" for Excel 5).
    if (contains(bytes, utf16le('WordDocument'))) return 'doc';
    if (contains(bytes, utf16le('Workbook')) || contains(bytes, utf16le('Book'))) return 'xls';
    return 'ole2';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a zip with [Content_Types].xml and a word/ or xl/ part (names are stored
    // uncompressed in the zip's headers).
    if (!contains(bytes, ascii('[Content_Types].xml'))) return null;
    if (contains(bytes, ascii('word/'))) return 'docx';
    if (contains(bytes, ascii('xl/'))) return 'xlsx';
    return null;
  }
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export type EvidenceCheck =
  | { ok: true; kind: EvidenceKind; mime: string }
  | { ok: false; reason: 'unsupported'; detected: null; extension: string }
  | { ok: false; reason: 'mismatch'; detected: EvidenceKind | 'ole2'; extension: string };

/** Accepts a file when its content is a supported kind and its name's extension matches that kind. */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): EvidenceCheck {
  const extension = extensionOf(fileName);
  const detected = sniffEvidenceKind(bytes);
  if (detected === null) return { ok: false, reason: 'unsupported', detected: null, extension };
  if (detected === 'ole2') {
    // A compound file we cannot tell apart: trust a .doc or .xls name.
    if (extension === 'doc' || extension === 'xls') return { ok: true, kind: extension, mime: evidenceMime[extension] };
    return { ok: false, reason: 'mismatch', detected, extension };
  }
  if (!evidenceExtensions[detected].includes(extension)) return { ok: false, reason: 'mismatch', detected, extension };
  return { ok: true, kind: detected, mime: evidenceMime[detected] };
}

/** Evidence a browser can show inside the page (thumbnail, preview) without running anything of the file's. */
export const PREVIEWABLE_EVIDENCE_MIMES: ReadonlySet<string> = new Set([
  evidenceMime.png, evidenceMime.jpeg, evidenceMime.gif, evidenceMime.webp, evidenceMime.pdf,
]);
export const isPreviewableEvidence = (mimeType: string): boolean => PREVIEWABLE_EVIDENCE_MIMES.has(mimeType);
export const isImageEvidence = (mimeType: string): boolean => isPreviewableEvidence(mimeType) && mimeType.startsWith('image/');
