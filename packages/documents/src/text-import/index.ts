import { parseHierarchy } from './hierarchy.js';
import { sectionHeading } from './patterns.js';
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
export { normalizeLine } from './normalize.js';

interface Section {
  num: number;
  title: string;
  index: number;
}

// Section 二 of a report (反馈意见整改落实情况) or of a feedback text (发现的主要问题).
const PROBLEM_SECTION = /反馈意见整改|整改落实情况|整改情况|主要问题|存在的?问题|发现的?问题|问题清单|反馈意见|反馈问题/;
const NEXT_STEPS = /下一步|今后|工作打算|工作计划/;

function findSections(lines: Line[]): Section[] {
  const sections: Section[] = [];
  lines.forEach((l, index) => {
    const h = sectionHeading(l.text);
    // Section numbers only grow; a smaller one is a list item inside a section, not a new section.
    if (h && h.num > (sections.at(-1)?.num ?? 0)) sections.push({ num: h.num, title: h.rest, index });
  });
  return sections;
}

function pickProblemSection(sections: Section[]): Section | undefined {
  return (
    sections.find((s) => s.num === 2 && PROBLEM_SECTION.test(s.title)) ??
    sections.find((s) => PROBLEM_SECTION.test(s.title) && !NEXT_STEPS.test(s.title) && !/开展情况/.test(s.title)) ??
    sections.find((s) => s.num === 2)
  );
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
  const { round, tailStart } = readHeader(lines.slice(0, problemSection ? Math.min(firstSection, problemSection.index) : firstSection), lines);
  if (!round.title) {
    warn(1, '未找到通报标题（如“关于……的通报”）', 'No title found (such as "关于……的通报")');
  }

  let categories: ParsedCategory[] = [];
  let declared: ParsedDeclared;
  if (!problemSection) {
    warn(
      1,
      '未找到“二、反馈意见整改落实情况”或问题清单部分，未能识别类别和问题',
      'Section 二 (反馈意见整改落实情况, or the list of problems) was not found; no categories or problems were recognised',
    );
    declared = readDeclared(lines.map((l) => l.text).join('\n'));
  } else {
    const after = sections.find((s) => s.num > problemSection.num && s.index > problemSection.index);
    const contact = findContact(lines, problemSection.index + 1, Math.min(tailStart, lines.length));
    const end = Math.min(after?.index ?? lines.length, contact?.start ?? lines.length, tailStart);
    const isReport =
      /整改/.test(problemSection.title) ||
      lines.slice(problemSection.index, end).some((l) => /问题的?整改/.test(l.text));
    categories = parseHierarchy(lines.slice(problemSection.index + 1, end), isReport, warn);
    if (categories.length === 0) {
      warn(
        lines[problemSection.index]!.no,
        `第${lines[problemSection.index]!.no}行起的“${problemSection.title}”部分中未找到问题`,
        `No problems found in section "${problemSection.title}" starting on line ${lines[problemSection.index]!.no}`,
      );
    }
    declared = readDeclared(lines.slice(0, problemSection.index).map((l) => l.text).join('\n'));
    if (contact) round.contact = contact.text;
    readNextSteps(round, lines, sections, problemSection, isReport, Math.min(contact?.start ?? lines.length, tailStart));
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

function readNextSteps(
  round: ParsedRound,
  lines: Line[],
  sections: Section[],
  problemSection: Section,
  isReport: boolean,
  stop: number,
): void {
  const later = sections.filter((s) => s.index > problemSection.index);
  const section = later.find((s) => NEXT_STEPS.test(s.title)) ?? (isReport ? later[0] : undefined);
  if (!section) return;
  const next = sections.find((s) => s.index > section.index);
  const end = Math.min(next?.index ?? lines.length, stop);
  const body = lines
    .slice(section.index + 1, end)
    .map((l) => l.text)
    .filter(Boolean);
  if (body.length) round.nextSteps = body.join('\n');
}
