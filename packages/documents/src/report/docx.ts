import {
  DocumentGridType,
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
  type IParagraphOptions,
} from 'docx';
import type { Block, ReportModel } from './model.js';

/** Layout of GB/T 9704-2012 (党政机关公文格式), in twips (1/20 pt; 1 mm ≈ 56.7 twips). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
export const REPORT_LAYOUT = {
  page: { width: 11906, height: 16838 },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
  /** 3号 = 16 pt, in half-points. */
  bodySize: 32,
  /** 2号 = 22 pt. */
  titleSize: 44,
  /** 4号 = 14 pt. */
  pageNumberSize: 28,
  /**
   * 22 lines on the 225 mm text block: a pitch of 579 twips (28.95 pt). Body lines are fixed at
   * the pitch, so they sit on Word's document grid.
   */
  line: Math.floor(mm(297 - 37 - 35) / 22),
  titleLine: 700,
  /** One 3号 character. */
  char: 320,
} as const;

/**
 * Word's document grid (版式 → 文档网格: 指定行和字符网格), as GB/T 9704 sets it: 22 lines of 28
 * characters on the 156 × 225 mm text block. charSpace is how much each grid character is wider
 * (here narrower) than a 3号 character, in 1/4096 pt.
 */
export const REPORT_GRID = {
  lines: 22,
  chars: 28,
  linePitch: REPORT_LAYOUT.line,
  charSpace: Math.round(((mm(210 - 28 - 26) / 28 - REPORT_LAYOUT.char) / 20) * 4096),
} as const;

export const REPORT_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** The same font for every script, so Word and WPS pick it for Chinese and for digits alike. */
const font = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' });

const bodySpacing = { line: REPORT_LAYOUT.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function run(text: string, fontName: string, size: number = REPORT_LAYOUT.bodySize): TextRun {
  return new TextRun({ text, font: font(fontName), size, sizeComplexScript: size, bold: false });
}

const blankLine = () => new Paragraph({ spacing: bodySpacing, children: [run('', REPORT_FONTS.body)] });

function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { line: REPORT_LAYOUT.titleLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [run(text, REPORT_FONTS.title, REPORT_LAYOUT.titleSize)],
  });
}

const BLOCK_FONT: Record<Block['kind'], string> = {
  heading1: REPORT_FONTS.heading1,
  heading2: REPORT_FONTS.heading2,
  heading3: REPORT_FONTS.body,
  body: REPORT_FONTS.body,
};

function blockParagraph(block: Block): Paragraph {
  const options: IParagraphOptions = {
    alignment: AlignmentType.BOTH,
    spacing: bodySpacing,
    indent: { firstLine: 2 * REPORT_LAYOUT.char },
    keepNext: block.kind !== 'body',
    children: [run(block.text, BLOCK_FONT[block.kind])],
  };
  return new Paragraph(options);
}

function signatureParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: bodySpacing,
    indent: { right: 4 * REPORT_LAYOUT.char },
    keepLines: true,
    keepNext: true,
    children: [run(text, REPORT_FONTS.body)],
  });
}

/** — N —, 4号 宋体, one character in from the edge of the text block. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = REPORT_LAYOUT.pageNumberSize * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(REPORT_FONTS.pageNumber),
            size: REPORT_LAYOUT.pageNumberSize,
            sizeComplexScript: REPORT_LAYOUT.pageNumberSize,
          }),
        ],
      }),
    ],
  });
}

/** The report as a .docx laid out as an official document (GB/T 9704-2012). */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const children: Paragraph[] = [
    // The issuing unit heads the title, as in 「某局 / 关于…的通报」.
    ...(model.header ? [titleParagraph(model.header)] : []),
    ...model.title.map(titleParagraph),
    blankLine(),
    ...model.paragraphs.map(blockParagraph),
    blankLine(),
    signatureParagraph(model.signature.unit),
    signatureParagraph(model.signature.date),
  ];

  const doc = new Document({
    title: [model.header, ...model.title].join(''),
    creator: model.signature.unit || 'Rectify',
    lastModifiedBy: model.signature.unit || 'Rectify',
    description: '巡察整改情况通报',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: font(REPORT_FONTS.body),
            size: REPORT_LAYOUT.bodySize,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: REPORT_LAYOUT.page.width, height: REPORT_LAYOUT.page.height },
            margin: REPORT_LAYOUT.margin,
            pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: REPORT_GRID.linePitch, charSpace: REPORT_GRID.charSpace },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
