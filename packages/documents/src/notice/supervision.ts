import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun, type IFontAttributesProperties } from 'docx';
import { daysBetween, formatChineseDate, type WarningLevel } from '@rectify/domain';
import { REPORT_FONTS, REPORT_LAYOUT } from '../report/docx.js';

/**
 * 督办函: the supervision notice the office sends one department or one leader about measures that
 * fall due, are behind schedule or are overdue: what is due, by when, what is asked. Laid out as an
 * official document (GB/T 9704-2012), like the report: the issuing office and the number above the
 * title, the addressee, the body in 仿宋 3号 with fixed 28 pt lines, the office and the date signed.
 */

export interface SupervisionNoticeItem {
  text: string;
  /** The problem (具体问题) it answers. */
  problem: string;
  deadline: string | null;
  /** 原定时限, when postponed. */
  originalDeadline: string | null;
  level: WarningLevel;
  progress: number;
}

export interface SupervisionNoticeInput {
  /** The issuing office, e.g. 城中区文化体育广电和旅游局巡察整改工作领导小组办公室. */
  issuer: string;
  /** 督办〔2023〕3号 */
  code: string;
  /** The department or the leader, as addressed: 办公室 / 韦某某同志. */
  addressee: string;
  /** The round, as its feedback is named: 区委第三轮巡察第一巡察组. */
  roundTitle: string;
  issuedOn: string;
  replyBy: string | null;
  request: string | null;
  items: SupervisionNoticeItem[];
}

export interface SupervisionNoticeModel {
  header: string;
  code: string;
  title: string;
  salutation: string;
  paragraphs: string[];
  signature: { unit: string; date: string };
}

const LEVEL_PHRASE: Record<WarningLevel, string> = {
  none: '正在推进',
  due_soon: '即将到期',
  urgent: '临近到期或进度滞后',
  overdue: '已逾期',
};

function itemLine(item: SupervisionNoticeItem, index: number, issuedOn: string): string {
  const text = item.text.replace(/[。；;，,\s]+$/u, '');
  const when = item.deadline ? `完成时限${formatChineseDate(item.deadline)}` : '未定完成时限';
  const postponed = item.originalDeadline && item.originalDeadline !== item.deadline ? `（原定时限${formatChineseDate(item.originalDeadline)}，已延期）` : '';
  let state = LEVEL_PHRASE[item.level];
  if (item.deadline && item.level === 'overdue') state = `已逾期${daysBetween(item.deadline, issuedOn)}天`;
  else if (item.deadline && daysBetween(issuedOn, item.deadline) >= 0 && item.level !== 'none') state = `距完成时限还有${daysBetween(issuedOn, item.deadline)}天`;
  return `${index + 1}．${text}（对应问题：${item.problem}）。${when}${postponed}，目前进度${item.progress}%，${state}。`;
}

/** The words of the notice; the .docx only lays them out. */
export function supervisionNoticeModel(input: SupervisionNoticeInput): SupervisionNoticeModel {
  const overdue = input.items.some((i) => i.level === 'overdue');
  const reply = input.replyBy ? `请于${formatChineseDate(input.replyBy)}前` : '请在收到本函后5个工作日内';
  return {
    header: input.issuer,
    code: input.code,
    title: overdue ? '关于督促加快推进逾期整改事项的督办函' : '关于督促按期完成整改事项的督办函',
    salutation: `${input.addressee}：`,
    paragraphs: [
      `根据${input.roundTitle}反馈意见整改工作安排，经对账梳理，由你${input.addressee.endsWith('同志') ? '' : '科室'}牵头负责的以下${input.items.length}项整改措施${overdue ? '存在逾期未完成情况' : '临近完成时限或进度滞后'}，现予督办：`,
      ...input.items.map((item, i) => itemLine(item, i, input.issuedOn)),
      `${reply}将上述事项的整改推进情况及佐证材料报送整改办公室；确有客观原因无法按期完成的，须说明理由，按程序提出延期申请，经同意后方可调整完成时限。${input.request ? input.request.trim() : ''}`,
      '对督办后仍未按期完成整改的，将按有关规定予以通报，并纳入“回头看”重点事项。',
      '特此函告。',
    ],
    signature: { unit: input.issuer, date: formatChineseDate(input.issuedOn) },
  };
}

const font = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' });
const spacing = { line: REPORT_LAYOUT.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const run = (text: string, fontName: string = REPORT_FONTS.body, size: number = REPORT_LAYOUT.bodySize) =>
  new TextRun({ text, font: font(fontName), size, sizeComplexScript: size });
const line = (text: string, options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; fontName?: string; size?: number; lineHeight?: number } = {}) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.BOTH,
    spacing: options.lineHeight ? { ...spacing, line: options.lineHeight } : spacing,
    ...(options.indent ? { indent: { firstLine: 2 * REPORT_LAYOUT.char } } : {}),
    children: [run(text, options.fontName, options.size)],
  });

/** The notice as a .docx in the official layout of the report (A4, the same margins, fonts and lines). */
export async function renderSupervisionNoticeDocx(input: SupervisionNoticeInput): Promise<Buffer> {
  const model = supervisionNoticeModel(input);
  const signature = (text: string) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing, indent: { right: 4 * REPORT_LAYOUT.char }, keepNext: true, children: [run(text)] });
  const doc = new Document({
    title: `${model.code} ${model.title}`,
    creator: model.header || 'Rectify',
    description: '督办函',
    styles: { default: { document: { run: { font: font(REPORT_FONTS.body), size: REPORT_LAYOUT.bodySize, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing } } } },
    sections: [
      {
        properties: { page: { size: { width: REPORT_LAYOUT.page.width, height: REPORT_LAYOUT.page.height }, margin: REPORT_LAYOUT.margin } },
        children: [
          line(model.header, { align: AlignmentType.CENTER, fontName: REPORT_FONTS.title, size: REPORT_LAYOUT.titleSize, lineHeight: REPORT_LAYOUT.titleLine }),
          line(model.code, { align: AlignmentType.CENTER }),
          line(''),
          line(model.title, { align: AlignmentType.CENTER, fontName: REPORT_FONTS.title, size: REPORT_LAYOUT.titleSize, lineHeight: REPORT_LAYOUT.titleLine }),
          line(''),
          line(model.salutation),
          ...model.paragraphs.map((p) => line(p, { indent: true })),
          line(''),
          signature(model.signature.unit),
          signature(model.signature.date),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
