export {
  buildReportModel,
  countTree,
  followUpParagraph,
  inspectionPeriod,
  measuresParagraph,
  reportTitleLines,
  selfReference,
  type Block,
  type BlockKind,
  type FollowUpFigures,
  type ReportCounts,
  type ReportData,
  type ReportModel,
} from './model.js';
export { REPORT_FONTS, REPORT_GRID, REPORT_LAYOUT, renderReportDocx } from './docx.js';
export { REPORT_FONT_STACKS, escapeHtml, renderReportHtml } from './html.js';
