import {
  completionRate,
  enumerationWord,
  measureStatusLabels,
  subsectionNumber,
  type Locale,
  type ProgressCounts,
  type RoundSummary,
  type RoundTree,
} from '@rectify/domain';
import { escapeHtml } from '../report/html.js';

export interface DashboardPrintData {
  tree: RoundTree;
  summary: RoundSummary;
  locale: Locale;
}

const TEXT = {
  'zh-CN': {
    title: '整改工作看板',
    unit: '被巡察单位', deadline: '整改时限', asOf: '统计日期',
    measures: '整改措施', closed: '已完成', inProgress: '推进中', overdue: '已逾期', rate: '完成率',
    byCategory: '分方面进展', category: '方面', total: '总数',
    overdueList: '逾期措施', days: (n: number) => `逾期 ${n} 天`,
    overdueMore: (shown: number, n: number) => `以上为逾期最久的 ${shown} 项，另有 ${n} 项见下方措施清单（状态栏标注逾期天数）。`,
    list: '整改措施清单', location: '所属问题', measure: '整改措施', status: '状态', leader: '责任领导', department: '牵头科室',
    none: '—', itemCount: (n: number) => `共 ${n} 项`,
  },
  en: {
    title: 'Rectification dashboard',
    unit: 'Inspected unit', deadline: 'Deadline', asOf: 'As of',
    measures: 'Measures', closed: 'Closed', inProgress: 'In progress', overdue: 'Overdue', rate: 'Completion',
    byCategory: 'Progress by category', category: 'Category', total: 'Total',
    overdueList: 'Overdue measures', days: (n: number) => `${n} days overdue`,
    overdueMore: (shown: number, n: number) => `The ${shown} longest overdue are listed; ${n} more are in the list of all measures below (their status shows the days overdue).`,
    list: 'All measures', location: 'Problem', measure: 'Measure', status: 'Status', leader: 'Leader', department: 'Lead department',
    none: '—', itemCount: (n: number) => `${n} in all`,
  },
} as const;

const STYLE = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #111; font: 10.5pt/1.55 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-left: 3pt solid #1a4b8c; padding-left: 2mm; break-after: avoid; }
.meta { color: #333; margin-bottom: 4mm; }
.meta span { margin-right: 6mm; }
.stats { display: flex; gap: 3mm; flex-wrap: wrap; }
.stat { border: 0.6pt solid #c8ccd4; border-radius: 2pt; padding: 2mm 4mm; min-width: 30mm; }
.stat b { display: block; font-size: 15pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.6pt solid #b9bec8; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; word-break: break-word; }
th { background: #eef1f6; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; width: 16mm; }
.overdue { color: #b4121a; font-weight: 600; }
.note { color: #555; font-size: 9pt; margin: 1mm 0 0; }
.col-location { width: 36mm; } .col-status { width: 20mm; } .col-leader { width: 18mm; } .col-dept { width: 22mm; } .col-deadline { width: 21mm; }
`;

/**
 * The dashboard as an A4 document for the leading group's meeting: the figures, the progress by
 * category, the overdue measures and every measure with its full text. Printed to PDF by the same
 * headless chromium as the report.
 */
export function renderDashboardHtml({ tree, summary, locale }: DashboardPrintData): string {
  const x = TEXT[locale];
  const e = escapeHtml;
  const totals = summary.totals;
  const rate = (c: ProgressCounts) => `${Math.round(completionRate(c) * 1000) / 10}%`;
  const status = (s: string) => (measureStatusLabels as Record<string, Record<Locale, string>>)[s]?.[locale] ?? s;

  const stats = [
    [x.measures, totals.measures],
    [x.closed, totals.closed],
    [x.inProgress, totals.inProgress],
    [x.overdue, totals.overdue],
    [x.rate, rate({ ...totals, total: totals.measures })],
  ]
    .map(([label, value]) => `<div class="stat">${e(String(label))}<b>${e(String(value))}</b></div>`)
    .join('');

  const categories = summary.byCategory
    .map(
      (c) =>
        `<tr><td>${e(subsectionNumber(c.ordinal))}${e(c.title)}</td><td class="num">${c.total}</td><td class="num">${c.closed}</td><td class="num">${c.overdue}</td><td class="num">${rate(c)}</td></tr>`,
    )
    .join('');

  const unlisted = summary.totals.overdue - summary.overdue.length;
  const overdue = summary.overdue.length
    ? `<h2>${e(x.overdueList)}（${summary.totals.overdue}）</h2><table><thead><tr><th>${e(x.measure)}</th><th class="col-leader">${e(x.leader)}</th><th class="col-dept">${e(x.department)}</th><th class="col-deadline">${e(x.deadline)}</th></tr></thead><tbody>${summary.overdue
        .map(
          (m) =>
            `<tr><td>${e(m.text)}</td><td>${e(m.leader?.name ?? x.none)}</td><td>${e(m.leadDepartment?.name ?? x.none)}</td><td class="overdue">${e(m.deadline)}<br>${e(x.days(m.daysOverdue))}</td></tr>`,
        )
        .join('')}</tbody></table>${unlisted > 0 ? `<p class="note">${e(x.overdueMore(summary.overdue.length, unlisted))}</p>` : ''}`
    : '';

  const rows: string[] = [];
  for (const c of tree.categories) {
    for (const p of c.problems) {
      for (const m of p.measures) {
        rows.push(
          `<tr data-measure="${m.id}"><td>${e(subsectionNumber(c.ordinal))}${e(c.title)}<br>${p.ordinal}. ${e(p.title)}</td>` +
            `<td>${e(enumerationWord(m.ordinal))}${e(m.text)}</td>` +
            `<td${m.overdue ? ' class="overdue"' : ''}>${e(status(m.status))}${m.overdue ? `<br>${e(x.days(m.daysOverdue))}` : ''}</td>` +
            `<td>${e(m.leader?.name ?? x.none)}</td><td>${e(m.leadDepartment?.name ?? x.none)}</td><td>${e(m.deadline ?? x.none)}</td></tr>`,
        );
      }
    }
  }

  const round = tree.round;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${e(x.title)} · ${e(round.title)}</title><style>${STYLE}</style></head>
<body>
<h1>${e(x.title)}</h1>
<div class="meta"><div>${e(round.title)}</div>
<span>${e(x.unit)}：${e(round.inspectedUnit.name)}</span><span>${e(x.deadline)}：${e(round.rectificationDeadline ?? x.none)}</span><span>${e(x.asOf)}：${e(summary.today)}</span></div>
<div class="stats">${stats}</div>
<h2>${e(x.byCategory)}</h2>
<table><thead><tr><th>${e(x.category)}</th><th class="num">${e(x.total)}</th><th class="num">${e(x.closed)}</th><th class="num">${e(x.overdue)}</th><th class="num">${e(x.rate)}</th></tr></thead><tbody>${categories}</tbody></table>
${overdue}
<h2>${e(x.list)}（${e(x.itemCount(rows.length))}）</h2>
<table><thead><tr><th class="col-location">${e(x.location)}</th><th>${e(x.measure)}</th><th class="col-status">${e(x.status)}</th><th class="col-leader">${e(x.leader)}</th><th class="col-dept">${e(x.department)}</th><th class="col-deadline">${e(x.deadline)}</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>
</body></html>`;
}
