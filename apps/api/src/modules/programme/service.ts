import { daysBetween, roundTitle, toReportState, toUnitType, UNIT_TYPES, type Programme, type ProgrammeQuery, type ProgrammeRow, type RoundScope, type SqlDialect, type UnitType } from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { toNumber, toRatings } from '../../lib/sql.js';
import { createProgrammeRepository, type ProgrammeSqlRow } from './repository.js';

const toIso = (v: Date | string | number | null): string | null => {
  if (v === null) return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

function toRow(r: ProgrammeSqlRow, today: string): ProgrammeRow {
  const measures = toNumber(r.measures);
  const closed = toNumber(r.closed);
  return {
    roundId: toNumber(r.roundId),
    title: roundTitle(r),
    committee: r.committee,
    roundName: r.roundName,
    groupName: r.groupName,
    unit: { id: toNumber(r.unitId), name: r.unitName, unitType: r.unitType === null ? null : toUnitType(r.unitType) },
    feedbackDate: r.feedbackDate,
    rectificationDeadline: r.rectificationDeadline,
    year: r.feedbackDate ? Number(r.feedbackDate.slice(0, 4)) : null,
    measures,
    closed,
    inProgress: toNumber(r.inProgress),
    overdue: toNumber(r.overdue),
    postponed: toNumber(r.postponed),
    warnings: { dueSoon: toNumber(r.dueSoon), urgent: toNumber(r.urgent), overdue: toNumber(r.warnOverdue) },
    completionRate: measures ? Math.round((closed / measures) * 1000) / 10 : null,
    daysSinceFeedback: r.feedbackDate ? daysBetween(r.feedbackDate, today) : null,
    lastActivity: toIso(r.lastActivity),
    reportState: toReportState(r.reportState),
    ratings: toRatings(r),
    demo: Boolean(r.demo),
  };
}

/** 整改总览: every round and unit the account sees, side by side, figures from the database. */
export function createProgrammeService({ db, dialect, clock }: { db: Db; dialect: SqlDialect; clock: Clock }) {
  const repo = createProgrammeRepository(db, dialect);
  return {
    async view(query: ProgrammeQuery, scope: RoundScope): Promise<Programme> {
      const today = clock.today();
      const [sqlRows, options] = await Promise.all([repo.rows(scope, query, today), repo.options(scope)]);
      const rows = sqlRows.map((r) => toRow(r, today));
      const uniq = <T>(values: T[]) => [...new Set(values)];
      return {
        today,
        rows,
        options: {
          committees: uniq(options.map((o) => o.committee)).sort(),
          roundNames: uniq(options.map((o) => o.roundName)).sort(),
          years: uniq(options.flatMap((o) => (o.year ? [Number(o.year)] : []))).sort((a, b) => b - a),
          unitTypes: UNIT_TYPES.filter((u: UnitType) => options.some((o) => o.unitType === u)),
        },
        totals: {
          rounds: rows.length,
          units: new Set(rows.map((r) => r.unit.id)).size,
          measures: rows.reduce((n, r) => n + r.measures, 0),
          closed: rows.reduce((n, r) => n + r.closed, 0),
          overdue: rows.reduce((n, r) => n + r.overdue, 0),
          postponed: rows.reduce((n, r) => n + r.postponed, 0),
        },
      };
    },
  };
}
