import {
  toCheckInCadence,
  burnUp,
  measureStart,
  roundHistory,
  timelineBar,
  todayInShanghai,
  warningLevel,
  type MeasureKind,
  type MeasureStatus,
  type Timeline,
  type SqlDialect,
  type TimeSummary,
} from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { measureStatusEvents, timeCounts, timelineMeasures } from './repository.js';

/** A round's time dimension: the warning counts of its dashboard, its timeline and its burn-up. */
export function createTimelineService({ db, dialect, clock }: { db: Db; dialect: SqlDialect; clock: Clock }) {
  async function roundOf(id: number) {
    const round = await db.inspectionRound.findUnique({
      where: { id },
      select: { id: true, feedbackDate: true, rectificationDeadline: true, warnDueSoonDays: true, warnVerySoonDays: true, behindScheduleMargin: true },
    });
    if (!round) throw notFound('round', id);
    return round;
  }

  return {
    async summary(roundId: number): Promise<TimeSummary> {
      const round = await roundOf(roundId);
      const today = clock.today();
      const counts = await timeCounts(db, dialect, roundId, today);
      return {
        roundId,
        today,
        thresholds: { warnDueSoonDays: round.warnDueSoonDays, warnVerySoonDays: round.warnVerySoonDays, behindScheduleMargin: round.behindScheduleMargin },
        ...counts,
      };
    },

    async timeline(roundId: number): Promise<Timeline> {
      const round = await roundOf(roundId);
      const today = clock.today();
      const [measures, audit] = await Promise.all([timelineMeasures(db, roundId), measureStatusEvents(db, roundId)]);
      const rows = measures.map((m) => {
        const status = m.status as MeasureStatus;
        const kind = m.kind as MeasureKind;
        const start = measureStart(m, round);
        return {
          id: m.id,
          ordinal: m.ordinal,
          text: m.text,
          category: m.problem.category,
          problem: { id: m.problem.id, ordinal: m.problem.ordinal, title: m.problem.title },
          kind,
          status,
          warningLevel: warningLevel(
            { status, kind, deadline: m.deadline, startDate: start, progress: m.progress, checkInCadence: m.checkInCadence === null ? null : toCheckInCadence(m.checkInCadence), lastCheckInOn: m.lastCheckInOn },
            today,
            round,
          ),
          leader: m.leader,
          leadDepartment: m.leadDepartment,
          ...timelineBar({ ...m, status, kind }, round, today),
          postponementCount: m.postponementCount,
        };
      });
      const history = roundHistory(
        measures.map((m) => ({ id: m.id, createdOn: todayInShanghai(m.createdAt), startDate: measureStart(m, round), status: m.status as MeasureStatus, completedDate: m.completedDate, demo: m.demo })),
        audit,
      );
      const range = { from: round.feedbackDate, to: today };
      const categoryOf = new Map(measures.map((m) => [m.id, m.problem.category.id]));
      const categories = [...new Map(measures.map((m) => [m.problem.category.id, m.problem.category])).values()];
      return {
        roundId,
        today,
        feedbackDate: round.feedbackDate,
        rectificationDeadline: round.rectificationDeadline,
        rows,
        burnUp: burnUp(history, range),
        categories: categories.map((c) => ({ ...c, burnUp: burnUp(history.filter((e) => categoryOf.get(e.measureId) === c.id), range) })),
      };
    },
  };
}
