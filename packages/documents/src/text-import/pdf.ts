import { UnreadableDocumentError } from './docx.js';

/** More pages than any report or feedback text has: a larger file is not one. */
const MAX_PAGES = 300;
const PAGE_NUMBER = /^(?:[-—–－]{1,2}\s*\d{1,3}\s*[-—–－]{1,2}|第\s*\d{1,3}\s*页.*|\d{1,3}\s*\/\s*\d{1,3})$/;

interface PdfLine {
  text: string;
  x: number;
  right: number;
  size: number;
}

interface TextItemLike {
  str: string;
  hasEOL: boolean;
  width: number;
  height: number;
  transform: number[];
}

function linesOf(items: TextItemLike[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: PdfLine | undefined;
  for (const item of items) {
    if (item.str !== '') {
      const x = item.transform[4] ?? 0;
      if (!cur) cur = { text: '', x, right: x, size: Math.abs(item.height) || Math.abs(item.transform[0] ?? 0) || 12 };
      cur.text += item.str;
      cur.right = Math.max(cur.right, x + item.width);
    }
    if (item.hasEOL && cur) {
      lines.push(cur);
      cur = undefined;
    }
  }
  if (cur) lines.push(cur);
  return lines.filter((l) => l.text.trim() !== '');
}

/**
 * Plain text of a PDF, one paragraph per line. A PDF has lines, not paragraphs: a line that starts
 * at the left margin right after a full line continues the paragraph (across pages too); an
 * indented line, or one after a short line, starts a new one. Page numbers are left out.
 */
export async function pdfToText(buffer: Buffer): Promise<string> {
  if (buffer.length < 5 || buffer.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UnreadableDocumentError({ kind: 'pdf' });
  // pdf.js is large: loaded on the first PDF, not with the rest of the documents package.
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(buffer), { disableFontFace: true, useSystemFonts: false });
  } catch (cause) {
    throw new UnreadableDocumentError({ kind: 'pdf', cause });
  }
  try {
    if (pdf.numPages > MAX_PAGES) throw new UnreadableDocumentError({ kind: 'pdf' });
    const paragraphs: string[] = [];
    let open: { text: string; full: boolean } | undefined;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines = linesOf(content.items.filter((i) => 'str' in i) as TextItemLike[]).filter((l) => !PAGE_NUMBER.test(l.text.trim()));
      if (lines.length === 0) continue;
      const left = Math.min(...lines.map((l) => l.x));
      const right = Math.max(...lines.map((l) => l.right));
      for (const line of lines) {
        const indented = line.x > left + line.size * 0.8;
        if (open && open.full && !indented) open.text += line.text.trim();
        else {
          if (open) paragraphs.push(open.text);
          open = { text: line.text.trim(), full: false };
        }
        // Full: it reaches the right margin (less than two characters short of it).
        open.full = line.right >= right - line.size * 1.8;
      }
      page.cleanup();
    }
    if (open) paragraphs.push(open.text);
    const text = paragraphs.join('\n');
    if (!/\p{L}/u.test(text)) throw new UnreadableDocumentError({ kind: 'pdf-no-text' });
    return text;
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw error;
    throw new UnreadableDocumentError({ kind: 'pdf', cause: error });
  } finally {
    await pdf.loadingTask.destroy();
  }
}
