/**
 * Messages of the supervising office's features (issue 8): report submission to the 巡察办, the
 * programme view, public supervision. Merged into the catalogues in messages.ts.
 */
export const unitsZh = {
  'report.submission': '报送巡察办',
  'report.submissionIntro': '整改办公室将整改情况报告（通报稿和整改台账）报送巡察办；巡察办审核通过或退回修改。',
  'report.notePlaceholder': '报送说明（可选）',
  'report.submit': '报送',
  'report.submitted': '已报送巡察办',
  'report.commentPlaceholder': '审核意见（退回时必填）',
  'report.accept': '审核通过',
  'report.return': '退回修改',
  'report.submittedFigures': '报送：措施 {measures} 项，已完成 {closed} 项，逾期 {overdue} 项',
};

export const unitsEn: Record<keyof typeof unitsZh, string> = {
  'report.submission': 'Submission to the inspection office',
  'report.submissionIntro': 'The rectification office submits the report (the 通报 draft and the ledger) to the inspection office, which accepts it or sends it back.',
  'report.notePlaceholder': 'Cover note (optional)',
  'report.submit': 'Submit',
  'report.submitted': 'Submitted to the inspection office',
  'report.commentPlaceholder': 'Comments (required to send it back)',
  'report.accept': 'Accept',
  'report.return': 'Send back',
  'report.submittedFigures': 'submitted: {measures} measures, {closed} closed, {overdue} overdue',
};
