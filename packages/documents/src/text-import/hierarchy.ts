import { splitEnumerated, splitNumberedItems, cleanSegment, leadingEnumeration } from './enumeration.js';
import {
  ENDS_CLAUSE,
  MANIFESTATION_LABEL,
  MEASURE_LABEL,
  categoryHeading,
  dottedHeading,
  guanyuHeading,
  parenNumber,
  sectionHeading,
  startsGuanyuHeading,
} from './patterns.js';
import type { Line, ParsedCategory, ParsedProblem } from './types.js';

type Warn = (line: number, message: string, messageEn: string) => void;

/** Joins what a line break cut in two: problem headings, category headings, wrapped body lines. */
function joinParagraphs(lines: Line[]): Line[] {
  const out: Line[] = [];
  const nextNonEmpty = (from: number) => {
    let k = from;
    while (k < lines.length && lines[k]!.text === '') k++;
    return k;
  };
  for (let i = nextNonEmpty(0); i < lines.length; i = nextNonEmpty(i + 1)) {
    const cur = lines[i]!;
    let text = cur.text;
    if (startsGuanyuHeading(text) && !guanyuHeading(text)) {
      // 1.关于“学习贯彻… / …不到位”问题的整改。 — look a few lines ahead for the end of the heading.
      let joined = text;
      for (let k = nextNonEmpty(i + 1), n = 0; n < 3 && k < lines.length; k = nextNonEmpty(k + 1), n++) {
        const next = lines[k]!.text;
        if (isStructural(next)) break;
        joined += next;
        if (guanyuHeading(joined)) {
          text = joined;
          i = k;
          break;
        }
      }
    } else if (categoryHeading(text) && !/(方面|情况|问题)$/.test(text)) {
      const k = nextNonEmpty(i + 1);
      const next = lines[k]?.text;
      if (next && next.length <= 30 && !isStructural(next) && /(方面|情况)$/.test(next)) {
        text += next;
        i = k;
      }
    } else if (!sectionHeading(text) && !categoryHeading(text) && !isShortHeading(text)) {
      // A hard-wrapped paragraph (text pasted from a PDF): an unfinished line continues on the next,
      // unless a blank line or a heading comes between.
      while (!ENDS_CLAUSE.test(text) && i + 1 < lines.length && text.length < 2000) {
        const next = lines[i + 1]!.text;
        if (next === '' || isStructural(next)) break;
        text += next;
        i++;
      }
    }
    out.push({ no: cur.no, text });
  }
  return out;
}

/** "1.X" / "（1）X" without final punctuation: a heading when short, else a wrapped item. */
function isShortHeading(text: string): boolean {
  return (dottedHeading(text) !== undefined || parenNumber(text) !== undefined) && text.length < 30;
}

function isStructural(text: string): boolean {
  return (
    sectionHeading(text) !== undefined ||
    categoryHeading(text) !== undefined ||
    startsGuanyuHeading(text) ||
    dottedHeading(text) !== undefined ||
    parenNumber(text) !== undefined ||
    leadingEnumeration(text) !== undefined ||
    MANIFESTATION_LABEL.test(text) ||
    MEASURE_LABEL.test(text)
  );
}

/** A plain heading "1.X。rest": the title is the first clause, the rest is body. */
function splitPlainTitle(text: string): { title: string; rest: string; listFollows: boolean } {
  const m = /^(.+?)(?:[。；！？]|[：:]|$)(.*)$/.exec(text);
  let title = (m?.[1] ?? text).trim();
  const rest = (m?.[2] ?? '').trim();
  // "…不深入，具体表现为：" — the label belongs to the list, not the title.
  const label = /[，,]?(?:具体|主要)?表现(?:为|在)?$/.exec(title);
  if (label) title = title.slice(0, label.index).trim();
  return { title: title.replace(/^关于/, ''), rest, listFollows: label !== null };
}

interface State {
  categories: ParsedCategory[];
  category?: ParsedCategory;
  problem?: ParsedProblem;
  /** How the current category numbers its problems: (1) problems make (1) lines headings. */
  style?: 'dotted' | 'paren' | 'guanyu';
  mode: 'measures' | 'manifestations';
  writtenCategory: number;
  writtenProblem: number;
}

/**
 * Parses section 二 (the list of problems) into categories → problems → measures / manifestations.
 * `report` says whether plain paragraphs describe rectification (a report) or findings (feedback).
 */
export function parseHierarchy(lines: Line[], report: boolean, warn: Warn): ParsedCategory[] {
  const st: State = { categories: [], mode: 'measures', writtenCategory: 0, writtenProblem: 0 };

  const ensureCategory = (line: number): ParsedCategory => {
    if (!st.category) {
      st.category = { ordinal: st.categories.length + 1, title: '', problems: [], line };
      st.categories.push(st.category);
      warn(
        line,
        `第${line}行的问题前没有类别标题（如“（一）……方面”），已归入未命名类别`,
        `The problem on line ${line} has no category heading above it (such as "（一）…方面"); it was put in an unnamed category`,
      );
    }
    return st.category;
  };

  const startProblem = (line: number, title: string, written: number | undefined, style: State['style']) => {
    const cat = ensureCategory(line);
    const ordinal = cat.problems.length + 1;
    if (written === undefined) {
      warn(
        line,
        `第${ordinal}个问题缺少序号，已按位置编为${ordinal}`,
        `Problem ${ordinal} has no number; it was numbered ${ordinal} by its position`,
      );
    } else if (written <= st.writtenProblem) {
      warn(
        line,
        `问题序号${written}重复，已按位置编为${ordinal}`,
        `Problem number ${written} is repeated; it was numbered ${ordinal} by its position`,
      );
    } else if (written !== ordinal) {
      warn(
        line,
        `问题序号${written}不连续（应为${ordinal}），已按位置编为${ordinal}`,
        `Problem number ${written} skips numbers (expected ${ordinal}); it was numbered ${ordinal} by its position`,
      );
    }
    if (written !== undefined) st.writtenProblem = written;
    st.problem = { ordinal, numbered: written !== undefined, title, manifestations: [], measures: [], line };
    cat.problems.push(st.problem);
    st.style ??= style;
    st.mode = 'measures';
  };

  const addMeasures = (texts: string[]) => {
    for (const text of texts) st.problem!.measures.push({ ordinal: st.problem!.measures.length + 1, text });
  };
  const addManifestations = (texts: string[]) => {
    for (const text of texts) {
      st.problem!.manifestations.push({ ordinal: st.problem!.manifestations.length + 1, text });
    }
  };

  const body = (line: number, text: string) => {
    if (!text) return;
    if (!st.problem) {
      warn(line, `第${line}行不属于任何问题，已忽略`, `Line ${line} belongs to no problem and was ignored`);
      return;
    }
    const label = MANIFESTATION_LABEL.exec(text);
    if (label && label[0].length > 0 && /表现/.test(label[0])) {
      st.mode = 'manifestations';
      text = text.slice(label[0].length);
      if (!text) return;
    }
    const measureLabel = MEASURE_LABEL.exec(text);
    if (measureLabel) {
      st.mode = 'measures';
      text = text.slice(measureLabel[0].length);
      if (!text) return;
    }
    if (st.mode === 'manifestations') {
      addManifestations(splitNumberedItems(text) ?? splitEnumerated(text));
    } else {
      addMeasures(splitEnumerated(text));
    }
  };

  for (const { no, text } of joinParagraphs(lines)) {
    const cat = categoryHeading(text);
    if (cat) {
      const ordinal = st.categories.length + 1;
      if (cat.num !== ordinal) {
        warn(
          no,
          `类别序号（${cat.num}）与位置不符，已按位置编为${ordinal}`,
          `Category number ${cat.num} does not follow the previous one; it was numbered ${ordinal} by its position`,
        );
      }
      // "（一）X方面。text" — only the first clause is the heading.
      const m = /^(.+?)[。：:](.*)$/.exec(cat.rest);
      st.category = { ordinal, title: (m?.[1] ?? cat.rest).trim(), problems: [], line: no };
      st.categories.push(st.category);
      st.problem = undefined;
      st.style = undefined;
      st.writtenProblem = 0;
      if (m?.[2]?.trim()) body(no, m[2].trim());
      continue;
    }
    const guanyu = guanyuHeading(text);
    if (guanyu) {
      startProblem(no, guanyu.title, guanyu.num, 'guanyu');
      body(no, guanyu.rest);
      continue;
    }
    const dotted = dottedHeading(text);
    if (dotted) {
      const plain = splitPlainTitle(dotted.rest);
      startProblem(no, plain.title, dotted.num, 'dotted');
      if (plain.listFollows) st.mode = 'manifestations';
      body(no, plain.rest);
      continue;
    }
    const paren = parenNumber(text);
    if (paren) {
      if (!st.problem || st.style === 'paren') {
        const plain = splitPlainTitle(paren.rest);
        startProblem(no, plain.title, paren.num, 'paren');
        if (plain.listFollows) st.mode = 'manifestations';
        body(no, plain.rest);
      } else if (st.mode === 'manifestations' || !report) {
        // Under a problem, numbered items are its findings in feedback, its measures in a report.
        st.mode = 'manifestations';
        addManifestations(splitNumberedItems(text) ?? [cleanSegment(paren.rest)].filter(Boolean));
      } else {
        addMeasures(splitNumberedItems(text) ?? [cleanSegment(paren.rest)].filter(Boolean));
      }
      continue;
    }
    body(no, text);
  }

  for (const c of st.categories) {
    if (c.problems.length === 0) {
      warn(c.line, `类别“${c.title}”下未找到问题`, `No problems found under category "${c.title}"`);
    }
    for (const p of c.problems) {
      if (report && p.measures.length === 0) {
        warn(p.line, `问题“${p.title}”下未找到整改措施`, `No measures found under problem "${p.title}"`);
      }
    }
  }
  return st.categories;
}

