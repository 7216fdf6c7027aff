import mammoth from 'mammoth';
import { assertSafeZip, UnsafeArchiveError } from '../archive-guard.js';

/** The upload is not a readable .docx (wrong format, corrupt, or encrypted). */
export class UnreadableDocumentError extends Error {
  readonly code = 'UNREADABLE_DOCUMENT' as const;
  readonly messageZh = '无法读取该文件：它不是有效的 Word（.docx）文档';
  readonly messageEn = 'The file cannot be read: it is not a valid Word (.docx) document';

  constructor(options?: { cause?: unknown }) {
    super('无法读取该文件：它不是有效的 Word（.docx）文档 / The file cannot be read: it is not a valid Word (.docx) document', options);
    this.name = 'UnreadableDocumentError';
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
