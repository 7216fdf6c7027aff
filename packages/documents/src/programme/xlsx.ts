import ExcelJS from 'exceljs';

/** One row of the programme view as the workbook shows it (figures computed by the API). */
export interface ProgrammeSheetRow {
  unit: string;
  unitType: string;
  title: string;
  feedbackDate: string | null;
  measures: number;
  closed: number;
  inProgress: number;
  overdue: number;
  postponed: number;
  completionRate: number | null;
  daysSinceFeedback: number | null;
  lastActivity: string | null;
  reportState: string;
  /** 群众监督: opinions received and satisfaction ratings from the round's public page. */
  opinions: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

const HEADERS: [keyof ProgrammeSheetRow, string, number][] = [
  ['unit', '被巡察单位', 28],
  ['unitType', '单位类型', 12],
  ['title', '巡察轮次', 40],
  ['feedbackDate', '反馈日期', 12],
  ['measures', '整改措施', 10],
  ['closed', '已完成', 10],
  ['inProgress', '推进中', 10],
  ['overdue', '逾期', 8],
  ['postponed', '延期', 8],
  ['completionRate', '完成率（%）', 12],
  ['daysSinceFeedback', '反馈以来天数', 14],
  ['lastActivity', '最近更新', 20],
  ['reportState', '报告报送', 14],
  ['opinions', '群众意见', 10],
  ['satisfied', '满意', 8],
  ['basicallySatisfied', '基本满意', 10],
  ['dissatisfied', '不满意', 8],
];

/** 整改总览 as .xlsx: one row per round, the filters it was made with on top. */
export async function programmeXlsx(rows: readonly ProgrammeSheetRow[], meta: { title: string; today: string; filters: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rectify';
  const ws = wb.addWorksheet('整改总览', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([meta.title]).font = { bold: true, size: 14 };
  ws.addRow([`截至 ${meta.today}${meta.filters ? `；筛选：${meta.filters}` : ''}`]);
  const header = ws.addRow(HEADERS.map(([, label]) => label));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  HEADERS.forEach(([, , width], i) => (ws.getColumn(i + 1).width = width));
  for (const r of rows) ws.addRow(HEADERS.map(([key]) => r[key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
