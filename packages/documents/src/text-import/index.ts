import { joinParagraphs, parseHierarchy } from './hierarchy.js';
import { sectionHeading } from './patterns.js';
import { tokenize } from './tokens.js';
import { findContact, findRegulations, readDeclared, readHeader } from './round.js';
import { toLines } from './normalize.js';
import type { ImportWarning, Line, ParsedCategory, ParsedDeclared, ParsedRound, TextImportPreview } from './types.js';

export type {
  DeclaredMeetingType,
  ImportWarning,
  ParsedCategory,
  ParsedDeclared,
  ParsedManifestation,
  ParsedMeasure,
  ParsedProblem,
  ParsedRound,
  TextImportPreview,
} from './types.js';
export { docxToText, UnreadableDocumentError } from './docx.js';
export { pdfToText } from './pdf.js';
export { normalizeLine } from './normalize.js';
/** The 《…》 rule titles a text names (规定/制度/办法/细则/准则/规则), for the registers. */
export { findRegulations } from './round.js';

interface Section {
  num: number;
  title: string;
  index: number;
}

// Section 二 of a report (反馈意见整改落实情况) or of a feedback text (发现的主要问题).
const PROBLEM_SECTION = /反馈意见整改|整改落实情况|整改情况|主要问题|存在的?问题|发现的?问题|问题清单|反馈意见|反馈问题/;
const NEXT_STEPS = /下一步|今后|工作打算|工作计划/;
/** What the document's own sections are called: recognised by their words, not by position. */
const SECTION_WORDS =
  /开展情况|总体情况|基本情况|总体评价|整改工作|主要做法|工作成效|取得成效|主要成效|整改要求|意见建议|工作要求|有关要求|下一步|今后|工作打算|工作计划|整改落实|反馈意见|问题整改|整改情况|主要问题|存在的?问题|发现的?问题|问题清单|反馈问题|落实情况/;

function findSections(lines: Line[]): Section[] {
  const sections: Section[] = [];
  lines.forEach((l, index) => {
    const h = sectionHeading(l.text);
    // A section is named as one (一、总体情况), never "…方面" (a category written 一、); its number
    // only grows: a smaller one is a list item inside a section.
    if (!h || /方面/.test(h.rest) || !SECTION_WORDS.test(h.rest)) return;
    if (h.num > (sections.at(-1)?.num ?? 0)) sections.push({ num: h.num, title: h.rest, index });
  });
  return sections;
}

function pickProblemSection(sections: Section[]): Section | undefined {
  return (
    sections.find((s) => s.num === 2 && PROBLEM_SECTION.test(s.title) && !NEXT_STEPS.test(s.title)) ??
    sections.find((s) => PROBLEM_SECTION.test(s.title) && !NEXT_STEPS.test(s.title) && !/开展情况|要求|建议/.test(s.title))
  );
}

/**
 * Where the list of problems starts when no section heading announces it: many published pages go
 * straight from the summary paragraph to （一）…方面. Below a section such as 一、总体情况, only a
 * line whose words say category or problem starts it (that section has its own （一） items).
 */
function findBodyStart(lines: Line[], sections: Section[], from: number): number | undefined {
  const after = sections[0]?.index ?? -1;
  for (let i = from; i < lines.length; i++) {
    const t = tokenize(lines[i]!.no, lines[i]!.text);
    if (!t.style || t.style === 'cn-dun' && sections.some((s) => s.index === i)) continue;
    if (sections.length === 0 || i > after) {
      if (sections.length === 0 || t.hint === 'category' || t.hint === 'problem') return i;
    }
  }
  return undefined;
}

/**
 * Reads a published rectification report (整改情况通报) or an inspection feedback text into the
 * round facts, the declared counts and the category → problem → measure hierarchy. Never throws:
 * what it cannot find is reported in `warnings`, Chinese first.
 */
export function parseReportText(text: string): TextImportPreview {
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string, messageEn: string) => warnings.push({ line, message, messageEn });
  try {
    return parse(typeof text === 'string' ? text : '', warnings, warn);
  } catch (err) {
    // A parser bug must not take the import page down; the user sees what went wrong instead.
    warn(1, `解析文本时出错：${String(err)}`, `The text could not be parsed: ${String(err)}`);
    return { round: {}, categories: [], declared: {}, regulations: [], warnings };
  }
}

function parse(
  text: string,
  warnings: ImportWarning[],
  warn: (line: number, message: string, messageEn: string) => void,
): TextImportPreview {
  const lines = toLines(text);
  if (lines.every((l) => l.text === '')) {
    warn(1, '文本为空，未找到任何内容', 'The text is empty');
    return { round: {}, categories: [], declared: {}, regulations: [], warnings };
  }

  const sections = findSections(lines);
  const problemSection = pickProblemSection(sections);
  const firstSection = sections[0]?.index ?? lines.length;
  // Without a section for the problems, the head ends at the first outline item after the title.
  const titleEnd = Math.min(lines.length, 12);
  const bodyStart = problemSection ? problemSection.index + 1 : findBodyStart(lines, sections, titleFree(lines, titleEnd));
  const headEnd = Math.min(firstSection, problemSection?.index ?? bodyStart ?? lines.length);
  const { round, tailStart } = readHeader(lines.slice(0, headEnd), lines);
  if (!round.title) {
    warn(1, '未找到通报标题（如“关于……的通报”）', 'No title found (such as "关于……的通报")');
  }

  let categories: ParsedCategory[] = [];
  let declared: ParsedDeclared;
  const missing = () =>
    warn(
      1,
      '未找到“二、反馈意见整改落实情况”或问题清单部分，未能识别类别和问题',
      'Section 二 (反馈意见整改落实情况, or the list of problems) was not found; no categories or problems were recognised',
    );
  if (bodyStart === undefined) {
    missing();
    declared = readDeclared(lines.map((l) => l.text).join('\n'));
  } else {
    const startIndex = problemSection ? problemSection.index : bodyStart;
    const after = sections.find((s) => s.index > startIndex && (!problemSection || s.num > problemSection.num));
    const contact = findContact(lines, bodyStart, Math.min(tailStart, lines.length));
    const closing = problemSection ? undefined : lines.findIndex((l, i) => i > bodyStart && CLOSING.test(l.text));
    const end = Math.min(after?.index ?? lines.length, contact?.start ?? lines.length, tailStart, closing !== undefined && closing >= 0 ? closing : lines.length);
    const bodyLines = lines.slice(bodyStart, end);
    const isReport =
      /整改/.test(problemSection?.title ?? '') ||
      /整改(?:情况|落实|工作)/.test(round.title ?? '') ||
      bodyLines.some((l) => /问题的?整改|^整改措施[：:]/.test(l.text));
    const local: ImportWarning[] = [];
    categories = parseHierarchy(bodyLines, isReport, (line, message, messageEn) => local.push({ line, message, messageEn }));
    const problems = categories.reduce((n, c) => n + c.problems.length, 0);
    if (!problemSection && problems === 0) {
      categories = [];
      missing();
    } else {
      warnings.push(...local);
      if (problemSection && categories.length === 0) {
        warn(
          lines[problemSection.index]!.no,
          `第${lines[problemSection.index]!.no}行起的“${problemSection.title}”部分中未找到问题`,
          `No problems found in section "${problemSection.title}" starting on line ${lines[problemSection.index]!.no}`,
        );
      }
    }
    declared = readDeclared(joinParagraphs(lines.slice(0, startIndex)).map((l) => l.text).join('\n'));
    if (contact) round.contact = contact.text;
    const stop = Math.min(contact?.start ?? lines.length, tailStart);
    if (problemSection) readNextSteps(round, lines, sections, problemSection, isReport, stop);
    else if (closing !== undefined && closing >= 0 && NEXT_STEPS.test(lines[closing]!.text.slice(0, 4))) {
      const body = lines.slice(closing, stop).map((l) => l.text).filter(Boolean);
      if (body.length) round.nextSteps = body.join('\n');
    } else if (after && NEXT_STEPS.test(after.title)) readNextSteps(round, lines, sections, after, false, stop, true);
  }
  if (!round.contact) {
    const contact = findContact(lines, 0, Math.min(tailStart, lines.length));
    if (contact) round.contact = contact.text;
  }

  return {
    round,
    categories,
    declared,
    regulations: findRegulations(lines.map((l) => l.text).join('\n')),
    warnings,
  };
}

/** A paragraph that closes the list of problems when no section heading does (下一步，我局将…). */
const CLOSING = /^(?:(?:下一步|今后)[，,。我将]|巡察组(?:要求|希望|建议)|请[^，。]{0,12}(?:认真|按照|于)|以上|对(?:以上|上述)问题)/;

/** The line after the title block: where an outline item may start at the earliest. */
function titleFree(lines: Line[], limit: number): number {
  let last = 0;
  for (let i = 0; i < limit; i++) {
    const text = lines[i]!.text;
    // The title block ends at the first sentence or outline item.
    if (/[。；]/.test(text) || text.length > 80 || tokenize(lines[i]!.no, text).style) break;
    if (/关于|通报|报告|反馈意见$/.test(text)) last = i + 1;
  }
  return last;
}

function readNextSteps(
  round: ParsedRound,
  lines: Line[],
  sections: Section[],
  problemSection: Section,
  isReport: boolean,
  stop: number,
  itself = false,
): void {
  const later = sections.filter((s) => (itself ? s.index >= problemSection.index : s.index > problemSection.index));
  // A 三、 that is not the next steps (整改要求, 意见建议) is not read as them.
  const section = later.find((s) => NEXT_STEPS.test(s.title)) ?? (isReport && !/要求|建议/.test(later[0]?.title ?? '') ? later[0] : undefined);
  if (!section) return;
  const next = sections.find((s) => s.index > section.index);
  const end = Math.min(next?.index ?? lines.length, stop);
  const body = lines
    .slice(section.index + 1, end)
    .map((l) => l.text)
    .filter(Boolean);
  if (body.length) round.nextSteps = body.join('\n');
}
