import { splitEnumerated, splitNumberedItems, cleanSegment } from './enumeration.js';
import { ENDS_CLAUSE, MANIFESTATION_LABEL, MEASURE_LABEL } from './patterns.js';
import { BARE_MARKER, firstClause, guanyu, isStructural, tokenize, type Token } from './tokens.js';
import type { Line, ParsedCategory, ParsedProblem } from './types.js';

type Warn = (line: number, message: string, messageEn: string) => void;

/** The role a level plays in the hierarchy. */
export type Role = 'category' | 'problem' | 'manifestation' | 'measure';

const nextNonEmpty = (lines: Line[], from: number) => {
  let k = from;
  while (k < lines.length && lines[k]!.text === '') k++;
  return k;
};

/** "1.X" / "（1）X" without final punctuation: a heading when short, else a wrapped item. */
function isShortHeading(text: string): boolean {
  const t = tokenize(0, text);
  return t.style !== undefined && t.style !== 'guanyu' && text.length < 30;
}

/**
 * Joins what a line break cut in two (text copied out of a PDF, hard-wrapped mail): 关于“…”问题的
 * 整改 headings, category headings, and paragraphs whose line does not end a clause.
 */
export function joinParagraphs(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = nextNonEmpty(lines, 0); i < lines.length; i = nextNonEmpty(lines, i + 1)) {
    const cur = lines[i]!;
    let text = cur.text;
    if (BARE_MARKER.test(text)) {
      const k = nextNonEmpty(lines, i + 1);
      const next = lines[k]?.text;
      const nt = next ? tokenize(0, next) : undefined;
      if (next && /\p{L}/u.test(next) && (nt!.style === undefined || nt!.style === 'guanyu') && !BARE_MARKER.test(next)) {
        text += next;
        i = k;
      }
    }
    const tok = tokenize(cur.no, text);
    const startsGuanyu = /^(?:\d{1,3}\s*[.、，]\s*|（\d{1,3}）|\d{1,3}）)?关于/.test(text);
    if (startsGuanyu && !tok.guanyu) {
      // 1.关于“学习贯彻… / …不到位”问题的整改。 — look a few lines ahead for the end of the heading.
      let joined = text;
      for (let k = nextNonEmpty(lines, i + 1), n = 0; n < 3 && k < lines.length; k = nextNonEmpty(lines, k + 1), n++) {
        const next = lines[k]!.text;
        if (isStructural(next)) break;
        joined += next;
        if (tokenize(cur.no, joined).guanyu) {
          text = joined;
          i = k;
          break;
        }
      }
    } else if ((tok.style === 'cn-paren' || tok.style === 'cn-dun' || tok.style === 'cn-ordinal') && !/(方面|情况|问题)$/.test(text) && !ENDS_CLAUSE.test(text)) {
      // （一）聚焦…部署 / 情况方面
      const k = nextNonEmpty(lines, i + 1);
      const next = lines[k]?.text;
      if (next && next.length <= 30 && !isStructural(next) && /(方面|情况)$/.test(next)) {
        text += next;
        i = k;
      }
    } else if (!(tok.style && tok.style !== 'guanyu' && /^(cn-|circled)/.test(tok.style) && text.length < 40) && !isShortHeading(text)) {
      // A hard-wrapped paragraph: an unfinished line continues on the next, unless a blank line or
      // a marker comes between.
      while (!ENDS_CLAUSE.test(text) && i + 1 < lines.length && text.length < 4000) {
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

interface Placed {
  token: Token;
  /** Depth in the outline: 0 for the first marker style met, deeper for each new style below it. */
  depth?: number;
}

/**
 * Depths as outline parsers assign them: a marker style already open pops back to its depth; a new
 * style opens one level below the current item. Unnumbered 关于“…”问题的整改 headings take the
 * depth of the numbered ones.
 */
function placeDepths(tokens: Token[]): Placed[] {
  const stack: string[] = [];
  const keyOf = (t: Token) => (t.hint === 'problem' ? 'P' : t.hint === 'manifestation' && t.guanyu ? 'M' : t.style!);
  const hintedStyles = new Map<string, string>(); // a numbered style that carried 关于 → its key
  return tokens.map((token) => {
    if (!token.style) return { token };
    let key = keyOf(token);
    if (token.style !== 'guanyu' && (key === 'P' || key === 'M')) hintedStyles.set(token.style, key);
    else if (token.style !== 'guanyu' && hintedStyles.has(token.style) && !stack.includes(token.style)) key = hintedStyles.get(token.style)!;
    const at = stack.indexOf(key);
    if (at >= 0) {
      stack.length = at + 1;
      return { token, depth: at };
    }
    stack.push(key);
    return { token, depth: stack.length - 1 };
  });
}

interface DepthFacts {
  count: number;
  category: number;
  problem: number;
  manifestation: number;
  /** Items with text under them (prose, 一是, 具体表现) or deeper items. */
  parents: number;
  /** Items that read as sentences (long, or ending a clause). */
  sentences: number;
  styles: Set<string>;
}

export interface LevelPlan {
  roles: Map<number, Role>;
  /** How the offset was found: from the words, or guessed from the order and shape alone. */
  guessed: boolean;
  /** The depth read as measures or findings by its shape, when it was a guess. */
  leafGuess?: number;
}

/** Assigns each depth its role, from the words (方面 / 问题的整改 / 的整改) and the outline's shape. */
export function planLevels(placed: Placed[], report: boolean): LevelPlan {
  const facts = new Map<number, DepthFacts>();
  placed.forEach((p, i) => {
    if (p.depth === undefined) return;
    let f = facts.get(p.depth);
    if (!f) facts.set(p.depth, (f = { count: 0, category: 0, problem: 0, manifestation: 0, parents: 0, sentences: 0, styles: new Set() }));
    f.count++;
    f.styles.add(p.token.style!);
    if (p.token.hint) f[p.token.hint]++;
    const next = placed[i + 1];
    const inlineBody = p.token.guanyu ? p.token.guanyu.rest : p.token.rest.slice(firstClause(p.token.rest).length + 1);
    if (
      /[\p{L}\p{N}]{2,}/u.test(inlineBody) ||
      (next && (next.depth === undefined ? !next.token.style : next.depth > p.depth))
    ) {
      f.parents++;
    }
    const rest = p.token.rest;
    if (rest.length >= 25 || /[。；;]$/.test(rest)) f.sentences++;
  });
  const depths = [...facts.keys()].sort((a, b) => a - b);
  const maxDepth = depths.at(-1) ?? -1;
  const majority = (n: number, of: number) => n * 2 >= of && n > 0;

  // The offset: level = depth + offset, with 0 category, 1 problem, 2 below the problem.
  let offset: number | undefined;
  let guessed = false;
  let leafGuess: number | undefined;
  const byHint = (hint: 'problem' | 'manifestation' | 'category', level: number) => {
    const d = depths.find((x) => facts.get(x)![hint] > 0 && (hint !== 'category' || majority(facts.get(x)![hint], facts.get(x)!.count)));
    return d === undefined ? undefined : level - d;
  };
  offset = byHint('problem', 1) ?? byHint('manifestation', 2) ?? byHint('category', 0);
  if (offset === undefined) {
    guessed = true;
    const deepest = facts.get(maxDepth);
    // The deepest items hold nothing below them and read as sentences: measures (or findings).
    const leaf = deepest && maxDepth <= 2 && deepest.parents === 0 && majority(deepest.sentences, deepest.count);
    if (leaf) {
      leafGuess = maxDepth;
      offset = maxDepth === 2 ? 0 : 1;
    } else offset = maxDepth === 0 ? 1 : 0;
  }

  const roles = new Map<number, Role>();
  for (const d of depths) {
    const level = Math.max(0, d + offset);
    if (level === 0) roles.set(d, 'category');
    else if (level === 1) roles.set(d, 'problem');
    else if (!report) roles.set(d, 'manifestation');
    else if (level === 2) {
      // In a report, items under a problem are its findings when measures follow under them,
      // else they are the measures themselves.
      const f = facts.get(d)!;
      const findings = f.manifestation > 0 || (f.parents > 0 && !(f.sentences === f.count && f.parents < f.count / 2));
      roles.set(d, findings ? 'manifestation' : 'measure');
    } else roles.set(d, 'measure');
  }
  return { roles, guessed, ...(leafGuess !== undefined ? { leafGuess } : {}) };
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

const MARKER_SHOWN: Record<string, string> = {
  'cn-dun': '一、',
  'cn-paren': '（一）',
  'cn-ordinal': '第一方面',
  'num-dot': '1.',
  'num-paren': '（1）',
  'num-half': '1）',
  circled: '①',
  guanyu: '关于“…”',
};
const ROLE_ZH: Record<Role, string> = { category: '类别（方面）', problem: '问题', manifestation: '具体表现', measure: '整改措施' };
const ROLE_EN: Record<Role, string> = { category: 'categories', problem: 'problems', manifestation: 'findings', measure: 'measures' };

/**
 * Parses the body of the text (the list of problems) into categories → problems → findings and
 * measures: tokenize every line by its marker, infer each marker's level from the order in which
 * the styles first appear, then read the items. `report` says whether text under a problem
 * describes rectification (a report) or findings (feedback).
 */
export function parseHierarchy(lines: Line[], report: boolean, warn: Warn): ParsedCategory[] {
  const tokens = joinParagraphs(lines).map((l) => tokenize(l.no, l.text));
  const placed = placeDepths(tokens);
  const plan = planLevels(placed, report);
  if (plan.guessed && plan.roles.size > 0) {
    const first = new Map<number, Placed>();
    for (const p of placed) if (p.depth !== undefined && !first.has(p.depth)) first.set(p.depth, p);
    const parts = [...first.entries()].sort((a, b) => a[0] - b[0]);
    const zh = parts.map(([d, p]) => `“${MARKER_SHOWN[p.token.style!]}”为${ROLE_ZH[plan.roles.get(d)!]}`).join('，');
    const en = parts.map(([d, p]) => `"${MARKER_SHOWN[p.token.style!]}" as ${ROLE_EN[plan.roles.get(d)!]}`).join(', ');
    const line = parts[0]![1].token.no;
    warn(line, `文中没有“方面”“关于……问题的整改”等提示词，层级按编号出现的顺序推断：${zh}，请核对`, `No words such as 方面 or 关于…问题的整改 mark the levels; they were inferred from the order of the numbering: ${en}. Please check`);
  }

  const categories: ParsedCategory[] = [];
  let category: ParsedCategory | undefined;
  let problem: ParsedProblem | undefined;
  let writtenProblem = 0;
  let mode: 'measures' | 'manifestations' = report ? 'measures' : 'manifestations';

  const ensureCategory = (line: number): ParsedCategory => {
    if (!category) {
      category = { ordinal: categories.length + 1, title: '', problems: [], line };
      categories.push(category);
      warn(
        line,
        `第${line}行的问题前没有类别标题（如“（一）……方面”），已归入未命名类别`,
        `The problem on line ${line} has no category heading above it (such as "（一）…方面"); it was put in an unnamed category`,
      );
    }
    return category;
  };

  const startProblem = (line: number, title: string, written: number | undefined) => {
    const cat = ensureCategory(line);
    const ordinal = cat.problems.length + 1;
    if (written === undefined) {
      warn(line, `第${ordinal}个问题缺少序号，已按位置编为${ordinal}`, `Problem ${ordinal} has no number; it was numbered ${ordinal} by its position`);
    } else if (written <= writtenProblem) {
      warn(line, `问题序号${written}重复，已按位置编为${ordinal}`, `Problem number ${written} is repeated; it was numbered ${ordinal} by its position`);
    } else if (written !== ordinal) {
      warn(
        line,
        `问题序号${written}不连续（应为${ordinal}），已按位置编为${ordinal}`,
        `Problem number ${written} skips numbers (expected ${ordinal}); it was numbered ${ordinal} by its position`,
      );
    }
    if (written !== undefined) writtenProblem = written;
    problem = { ordinal, numbered: written !== undefined, title, manifestations: [], measures: [], line };
    cat.problems.push(problem);
    mode = report ? 'measures' : 'manifestations';
  };

  const orphan = (line: number) => {
    warn(line, `第${line}行不属于任何问题，已忽略`, `Line ${line} belongs to no problem and was ignored`);
  };
  const addMeasures = (line: number, texts: string[]) => {
    for (const text of texts) problem!.measures.push({ ordinal: problem!.measures.length + 1, text, line });
  };
  const addManifestations = (line: number, texts: string[]) => {
    for (const text of texts) problem!.manifestations.push({ ordinal: problem!.manifestations.length + 1, text, line });
  };

  const body = (line: number, text: string) => {
    if (!text) return;
    if (!problem) return orphan(line);
    const label = MANIFESTATION_LABEL.exec(text);
    if (label && /表现/.test(label[0])) {
      mode = 'manifestations';
      text = text.slice(label[0].length);
      if (!text) return;
    }
    const measureLabel = MEASURE_LABEL.exec(text);
    if (measureLabel) {
      mode = 'measures';
      text = text.slice(measureLabel[0].length);
      if (!text) return;
    }
    if (mode === 'manifestations') addManifestations(line, splitNumberedItems(text) ?? splitEnumerated(text));
    else addMeasures(line, splitEnumerated(text));
  };

  for (const { token, depth } of placed) {
    const { no, text } = token;
    const role: Role | undefined =
      depth !== undefined ? plan.roles.get(depth) : undefined;
    if (!role) {
      body(no, text);
      continue;
    }
    if (role === 'category') {
      const ordinal = categories.length + 1;
      if (token.value !== undefined && token.value !== ordinal) {
        warn(
          no,
          `类别序号（${token.value}）与位置不符，已按位置编为${ordinal}`,
          `Category number ${token.value} does not follow the previous one; it was numbered ${ordinal} by its position`,
        );
      }
      // "（一）X方面。text" — only the first clause is the heading.
      const m = /^(.+?)[。：:](.*)$/.exec(token.rest);
      category = { ordinal, title: (m?.[1] ?? token.rest).trim(), problems: [], line: no };
      categories.push(category);
      problem = undefined;
      writtenProblem = 0;
      if (m?.[2]?.trim()) body(no, m[2].trim());
      continue;
    }
    if (role === 'problem') {
      const g = token.guanyu ?? (token.hint === 'problem' ? guanyu(token.rest) : undefined);
      if (g) {
        startProblem(no, g.title, token.value);
        body(no, g.rest);
      } else {
        const plain = splitPlainTitle(token.rest);
        startProblem(no, plain.title, token.value);
        if (plain.listFollows) mode = 'manifestations';
        body(no, plain.rest);
      }
      continue;
    }
    if (!problem) {
      orphan(no);
      continue;
    }
    if (role === 'manifestation') {
      if (token.guanyu) {
        addManifestations(no, [token.guanyu.title]);
        mode = report ? 'measures' : 'manifestations';
        body(no, token.guanyu.rest);
      } else if (report) {
        // A finding with its measures after it: the first sentence is the finding.
        const m = /^(.+?[。；！？：])(.*)$/.exec(token.rest);
        addManifestations(no, [cleanSegment(m?.[1] ?? token.rest).replace(/[。：]$/, '')].filter(Boolean));
        mode = 'measures';
        body(no, (m?.[2] ?? '').trim());
      } else {
        mode = 'manifestations';
        addManifestations(no, splitNumberedItems(text) ?? [cleanSegment(token.rest)].filter(Boolean));
      }
      continue;
    }
    // role === 'measure'
    addMeasures(no, splitNumberedItems(text) ?? [cleanSegment(token.rest)].filter(Boolean));
  }

  for (const c of categories) {
    if (c.problems.length === 0) {
      warn(c.line, `类别“${c.title}”下未找到问题`, `No problems found under category "${c.title}"`);
    }
    for (const p of c.problems) {
      if (report && p.measures.length === 0) {
        warn(p.line, `问题“${p.title}”下未找到整改措施`, `No measures found under problem "${p.title}"`);
      }
    }
  }
  return categories;
}
