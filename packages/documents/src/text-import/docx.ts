import mammoth from 'mammoth';
import { assertSafeZip, UnsafeArchiveError } from '../archive-guard.js';

const UNREADABLE = {
  docx: { zh: '无法读取该文件：它不是有效的 Word（.docx）文档', en: 'The file cannot be read: it is not a valid Word (.docx) document' },
  pdf: { zh: '无法读取该文件：它不是有效的 PDF 文档（或已加密、页数过多）', en: 'The file cannot be read: it is not a valid PDF document (or it is encrypted, or has too many pages)' },
  'pdf-no-text': {
    zh: '该 PDF 中没有可提取的文字（可能是扫描件），请粘贴文字或上传 Word 文档',
    en: 'This PDF holds no text to extract (it may be a scan); paste the text or upload a Word document',
  },
} as const;

/** The upload is not a readable .docx or .pdf (wrong format, corrupt, encrypted, or a scan). */
export class UnreadableDocumentError extends Error {
  readonly code = 'UNREADABLE_DOCUMENT' as const;
  readonly kind: keyof typeof UNREADABLE;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(options?: { kind?: keyof typeof UNREADABLE; cause?: unknown }) {
    const kind = options?.kind ?? 'docx';
    super(`${UNREADABLE[kind].zh} / ${UNREADABLE[kind].en}`, { cause: options?.cause });
    this.name = 'UnreadableDocumentError';
    this.kind = kind;
    this.messageZh = UNREADABLE[kind].zh;
    this.messageEn = UNREADABLE[kind].en;
  }
}

/** Plain text of a .docx, one paragraph per line (mammoth separates paragraphs by a blank line). */
export async function docxToText(buffer: Buffer): Promise<string> {
  // A .docx is a zip; checking the magic number first gives a clear error for .doc, PDF or text.
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304) throw new UnreadableDocumentError();
  // Before mammoth inflates anything: zip bombs stop here; a merely broken zip is unreadable.
  await assertSafeZip(buffer).catch((error: unknown) => {
    throw error instanceof UnsafeArchiveError && !error.tooLarge ? new UnreadableDocumentError({ cause: error }) : error;
  });
  try {
    const result = await mammoth.extractRawText({ buffer });
    return result.value;
  } catch (cause) {
    throw new UnreadableDocumentError({ cause });
  }
}
