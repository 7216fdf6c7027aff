import type { Block, ReportModel } from './model.js';
import { REPORT_GRID } from './docx.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * CSS font stacks: the fonts Word/WPS readers have (named as Windows and as macOS call them), then
 * CJK fonts a Linux print server may have.
 */
export const REPORT_FONT_STACKS = {
  title:
    '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei", serif',
  body: '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei", serif',
  heading1: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  heading2:
    '"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif',
  pageNumber: '"宋体", "SimSun", "NSimSun", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif',
} as const;

// The same grid as the .docx: lines at the 28.95 pt pitch, and 3号 characters drawn a little
// closer so that 28 fill the 156 mm line.
const PITCH = `${REPORT_GRID.linePitch / 20}pt`;
const TRACKING = `${(REPORT_GRID.charSpace / 4096).toFixed(3)}pt`;

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: ${REPORT_FONT_STACKS.pageNumber}; font-size: 14pt; margin-right: 14pt; vertical-align: top; padding-top: 5mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: ${REPORT_FONT_STACKS.pageNumber}; font-size: 14pt; margin-left: 14pt; vertical-align: top; padding-top: 5mm; } }
html { background: #e8e8e8; }
body { margin: 0; padding: 12mm 0; color: #000; }
.report {
  box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm;
  background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
  font-family: ${REPORT_FONT_STACKS.body}; font-size: 16pt; line-height: ${PITCH}; letter-spacing: ${TRACKING};
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.report p, .report h1, .report h2, .report h3, .report h4 { margin: 0; font-size: 16pt; line-height: ${PITCH}; font-weight: normal; }
.report .title { font-family: ${REPORT_FONT_STACKS.title}; font-size: 22pt; line-height: 35pt; letter-spacing: 0; text-align: center; break-after: avoid; }
.report .title-line { display: block; }
.report .title-block { margin-bottom: ${PITCH}; }
.report .body, .report .heading1, .report .heading2, .report .heading3 { text-indent: 2em; text-align: justify; }
.report .heading1 { font-family: ${REPORT_FONT_STACKS.heading1}; break-after: avoid; }
.report .heading2 { font-family: ${REPORT_FONT_STACKS.heading2}; break-after: avoid; }
.report .heading3 { font-family: ${REPORT_FONT_STACKS.body}; break-after: avoid; }
.report .body { orphans: 2; widows: 2; }
.report .signature { margin-top: ${PITCH}; text-align: right; padding-right: 4em; break-inside: avoid; }
@media print {
  html { background: none; }
  body { padding: 0; }
  .report { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
}
`;

const BLOCK_TAG: Record<Block['kind'], string> = { heading1: 'h2', heading2: 'h3', heading3: 'h4', body: 'p' };

function blockHtml(block: Block): string {
  const tag = BLOCK_TAG[block.kind];
  return `<${tag} class="${block.kind}">${escapeHtml(block.text)}</${tag}>`;
}

/** The report as one standalone, printable HTML page: the same text, in the same order, as the .docx. */
export function renderReportHtml(model: ReportModel): string {
  const pageTitle = escapeHtml([model.header, ...model.title].join(''));
  const head = model.header ? `<p class="title title-unit">${escapeHtml(model.header)}</p>\n` : '';
  const title = `<h1 class="title">${model.title.map((l) => `<span class="title-line">${escapeHtml(l)}</span>`).join('')}</h1>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle}</title>
<style>${STYLE}</style>
</head>
<body>
<article class="report">
<header class="title-block">
${head}${title}
</header>
${model.paragraphs.map(blockHtml).join('\n')}
<footer class="signature">
<p class="signature-unit">${escapeHtml(model.signature.unit)}</p>
<p class="signature-date">${escapeHtml(model.signature.date)}</p>
</footer>
</article>
</body>
</html>
`;
}
