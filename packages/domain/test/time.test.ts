import { describe, expect, it } from 'vitest';
import {
  MEASURE_KINDS,
  MEASURE_STATUSES,
  burnUp,
  elapsedShare,
  followUpState,
  dueSoonSql,
  dueWithinSql,
  dueWithinWhere,
  isDueSoon,
  isDueWithin,
  nextCheckInDue,
  roundHistory,
  timelineBar,
  warning,
  warningLevel,
  warningLevelSql,
  type HistoryEvent,
  type WarningFacts,
} from '../src/index.js';

const today = '2023-08-18';
const open = (deadline: string | null, extra: Partial<WarningFacts> = {}): WarningFacts => ({
  status: 'in_progress',
  kind: 'deadline',
  deadline,
  startDate: null,
  progress: 0,
  ...extra,
});

describe('three-colour warning', () => {
  it('gives no warning far from the deadline', () => {
    expect(warningLevel(open('2023-09-30'), today)).toBe('none'); // 43 days left
  });
  it('puts the boundaries on the days the district counts', () => {
    expect(warning(open('2023-09-08'), today)).toEqual({ level: 'none', reasons: [], daysLeft: 21 });
    expect(warning(open('2023-09-07'), today)).toEqual({ level: 'due_soon', reasons: ['due_soon'], daysLeft: 20 });
    expect(warning(open('2023-08-29'), today)).toEqual({ level: 'due_soon', reasons: ['due_soon'], daysLeft: 11 });
    expect(warning(open('2023-08-28'), today)).toEqual({ level: 'urgent', reasons: ['due_very_soon'], daysLeft: 10 });
    expect(warning(open('2023-08-18'), today)).toEqual({ level: 'urgent', reasons: ['due_very_soon'], daysLeft: 0 }); // due today: not late yet
    expect(warning(open('2023-08-17'), today)).toEqual({ level: 'overdue', reasons: ['overdue'], daysLeft: -1 });
  });
  it('uses the round’s own thresholds', () => {
    const t = { warnDueSoonDays: 30, warnVerySoonDays: 5, behindScheduleMargin: 20 };
    expect(warningLevel(open('2023-09-10'), today, t)).toBe('due_soon');
    expect(warningLevel(open('2023-08-28'), today, t)).toBe('due_soon');
    expect(warningLevel(open('2023-08-23'), today, t)).toBe('urgent');
  });
  it('raises a measure behind schedule (序时进度) to the second level, whatever its deadline', () => {
    // 100 days from start to deadline, 60 elapsed: 60% of the time gone.
    const m = (progress: number) => open('2023-09-27', { startDate: '2023-06-19', progress });
    expect(elapsedShare('2023-06-19', '2023-09-27', today)).toBeCloseTo(60);
    expect(warning(m(39), today)).toEqual({ level: 'urgent', reasons: ['behind_schedule'], daysLeft: 40 });
    expect(warningLevel(m(40), today)).toBe('none'); // exactly at the margin is not behind
    expect(warningLevel(m(39), today, { warnDueSoonDays: 20, warnVerySoonDays: 10, behindScheduleMargin: 30 })).toBe('none');
    // Within the first threshold and behind: urgent, for both reasons.
    expect(warning(open('2023-09-01', { startDate: '2023-03-15', progress: 10 }), today).reasons).toEqual(['due_soon', 'behind_schedule']);
  });
  it('gives closed, long-term and undated measures no warning', () => {
    expect(warningLevel(open('2023-01-01', { status: 'closed' }), today)).toBe('none');
    expect(warningLevel(open('2023-01-01', { kind: 'long_term' }), today)).toBe('none');
    expect(warningLevel(open(null), today)).toBe('none');
    // Pending closure is still open: its deadline still counts.
    expect(warningLevel(open('2023-08-01', { status: 'pending_closure' }), today)).toBe('overdue');
  });
  it('judges a long-term measure by its check-ins: a missed one raises the level like a deadline', () => {
    const longTerm = (extra: Partial<WarningFacts>) => open(null, { kind: 'long_term', startDate: '2023-03-15', ...extra });
    // Monthly: due 31 days after the last check-in (2023-07-20 → 2023-08-20: two days left).
    expect(nextCheckInDue(longTerm({ checkInCadence: 'monthly', lastCheckInOn: '2023-07-20' }))).toBe('2023-08-20');
    expect(warning(longTerm({ checkInCadence: 'monthly', lastCheckInOn: '2023-07-20' }), today)).toEqual({ level: 'urgent', reasons: ['due_very_soon'], daysLeft: 2 });
    // Missed: the last check-in 2023-07-17 was due again 2023-08-17.
    expect(warning(longTerm({ checkInCadence: 'monthly', lastCheckInOn: '2023-07-17' }), today)).toEqual({ level: 'overdue', reasons: ['check_in_missed'], daysLeft: -1 });
    expect(warningLevel(longTerm({ checkInCadence: 'monthly', lastCheckInOn: '2023-08-01' }), today)).toBe('due_soon'); // 14 days left
    expect(warningLevel(longTerm({ checkInCadence: 'monthly', lastCheckInOn: '2023-08-18' }), today)).toBe('none'); // 31 days left
    // Quarterly: 92 days; never checked in, counted from its start (2023-03-15 → 2023-06-15: missed).
    expect(nextCheckInDue(longTerm({ checkInCadence: 'quarterly' }))).toBe('2023-06-15');
    expect(warningLevel(longTerm({ checkInCadence: 'quarterly' }), today)).toBe('overdue');
    expect(warningLevel(longTerm({ checkInCadence: 'quarterly', lastCheckInOn: '2023-07-01' }), today)).toBe('none');
    // No cadence, closed, nothing to count from, or not long-term: no check-in rule.
    expect(warningLevel(longTerm({ checkInCadence: null }), today)).toBe('none');
    expect(warningLevel(longTerm({ checkInCadence: 'monthly', status: 'closed' }), today)).toBe('none');
    expect(nextCheckInDue(longTerm({ checkInCadence: 'monthly', startDate: null }))).toBeNull();
    expect(nextCheckInDue(open('2023-09-30', { checkInCadence: 'monthly', lastCheckInOn: '2023-01-01' }))).toBeNull();
    expect(warningLevel(open('2023-09-30', { checkInCadence: 'monthly', lastCheckInOn: '2023-01-01' }), today)).toBe('none');
    // The round's thresholds apply to the check-in as to a deadline.
    expect(warningLevel(longTerm({ checkInCadence: 'monthly', lastCheckInOn: '2023-07-20' }), today, { warnDueSoonDays: 5, warnVerySoonDays: 1, behindScheduleMargin: 20 })).toBe('due_soon');
  });
  it('reads a postponed measure by its new deadline only', () => {
    // Was due 2023-08-01 (overdue); postponed to 2023-09-30: no warning today.
    expect(warningLevel(open('2023-09-30', { startDate: '2023-03-15', progress: 80 }), today)).toBe('none');
  });
  it('has a SQL form for both databases and a deadline-only where', () => {
    for (const dialect of ['sqlite', 'postgresql'] as const) {
      const sql = warningLevelSql(dialect, today);
      expect(sql).toContain(`'overdue'`);
      expect(sql).toContain('"warnVerySoonDays"');
      expect(sql).toContain(String(19587)); // 2023-08-18 as a day number
    }
    expect(warningLevelSql('sqlite', today)).toContain('julianday');
    expect(warningLevelSql('postgresql', today)).toContain(`DATE '1970-01-01'`);
    // The check-in rule: the cadence's days, after the last check-in or the start.
    expect(warningLevelSql('sqlite', today)).toContain(`WHEN 'monthly' THEN 31 WHEN 'quarterly' THEN 92`);
    expect(warningLevelSql('sqlite', today)).toContain('COALESCE(m."lastCheckInOn", m."startDate", r."feedbackDate")');
  });
  it('says what falls due in the next 14 days', () => {
    expect(isDueWithin({ status: 'in_progress', kind: 'deadline', deadline: '2023-09-01' }, today, 14)).toBe(true);
    expect(isDueWithin({ status: 'in_progress', kind: 'deadline', deadline: '2023-09-02' }, today, 14)).toBe(false);
    expect(isDueWithin({ status: 'in_progress', kind: 'deadline', deadline: '2023-08-17' }, today, 14)).toBe(false);
    expect(isDueWithin({ status: 'closed', kind: 'deadline', deadline: '2023-08-20' }, today, 14)).toBe(false);
  });
  it('says what is due soon whatever its kind, and has SQL forms for both', () => {
    expect(isDueSoon({ status: 'in_progress', deadline: '2023-08-25' }, today, 7)).toBe(true);
    expect(isDueSoon({ status: 'in_progress', deadline: '2023-08-26' }, today, 7)).toBe(false);
    expect(isDueSoon({ status: 'in_progress', deadline: null }, today, 7)).toBe(false);
    expect(isDueWithin({ status: 'in_progress', kind: 'long_term', deadline: '2023-08-20' }, today, 14)).toBe(false);
    expect(isDueSoon({ status: 'in_progress', deadline: '2023-08-20' }, today, 14)).toBe(true);
    expect(dueSoonSql(today, 7)).toEqual({ strings: [`m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" >= `, ` AND m."deadline" <= `, ''], values: [today, '2023-08-25'] });
    expect(dueWithinSql(today, 14, 't').strings[0]).toBe(`t."kind" <> 'long_term' AND t."status" <> 'closed' AND t."deadline" IS NOT NULL AND t."deadline" >= `);
    expect(() => dueSoonSql(today, 7, 'm; DROP')).toThrow();
  });
  it('has a Prisma form of isDueWithin that keeps exactly the measures the rule keeps', () => {
    // The where-form read the way the database reads it: every field's condition holds; a NULL
    // column satisfies no comparison.
    type Condition = { not?: string; gte?: string; lte?: string };
    const holds = (where: Record<string, Condition>, row: Record<string, string | null>) =>
      Object.entries(where).every(([field, c]) => {
        const v = row[field] ?? null;
        if (v === null) return false;
        return (c.not === undefined || v !== c.not) && (c.gte === undefined || v >= c.gte) && (c.lte === undefined || v <= c.lte);
      });
    const where = dueWithinWhere(today, 14);
    expect(where).toEqual({ status: { not: 'closed' }, kind: { not: 'long_term' }, deadline: { gte: today, lte: '2023-09-01' } });
    let kept = 0;
    for (const status of MEASURE_STATUSES)
      for (const kind of MEASURE_KINDS)
        for (const deadline of [null, '2023-01-01', '2023-08-17', today, '2023-08-25', '2023-09-01', '2023-09-02', '2099-12-31']) {
          const rule = isDueWithin({ status, kind, deadline }, today, 14);
          expect(holds(where, { status, kind, deadline }), `${status} ${kind} ${deadline}`).toBe(rule);
          if (rule) kept += 1;
        }
    expect(kept).toBe(3 * 2 * 3); // three open statuses × two dated kinds × three days in the window
    // The SQL form says the same conditions, in the same order of fields.
    expect(dueWithinSql(today, 14)).toEqual({
      strings: [`m."kind" <> 'long_term' AND m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" >= `, ` AND m."deadline" <= `, ''],
      values: [today, where.deadline.lte],
    });
  });
});

describe('timeline bars', () => {
  const round = { feedbackDate: '2023-03-15' };
  it('starts on the round’s feedback date and shows the original deadline when postponed', () => {
    const bar = timelineBar({ startDate: null, deadline: '2023-09-30', originalDeadline: '2023-06-30', status: 'in_progress', completedDate: null, kind: 'deadline' }, round, today);
    expect(bar).toEqual({ start: '2023-03-15', end: '2023-09-30', originalEnd: '2023-06-30', closedOn: null, overdue: null });
  });
  it('marks the overdue stretch up to today, or up to the closure', () => {
    const late = timelineBar({ startDate: '2023-04-01', deadline: '2023-07-31', originalDeadline: null, status: 'in_progress', completedDate: null, kind: 'deadline' }, round, today);
    expect(late.overdue).toEqual({ from: '2023-07-31', to: today });
    const closedLate = timelineBar({ startDate: null, deadline: '2023-05-31', originalDeadline: '2023-05-31', status: 'closed', completedDate: '2023-06-10', kind: 'deadline' }, round, today);
    expect(closedLate).toMatchObject({ closedOn: '2023-06-10', overdue: { from: '2023-05-31', to: '2023-06-10' }, originalEnd: null });
    const longTerm = timelineBar({ startDate: null, deadline: '2023-05-31', originalDeadline: null, status: 'in_progress', completedDate: null, kind: 'long_term' }, round, today);
    expect(longTerm.overdue).toBeNull();
  });
});

describe('burn-up from the dated history', () => {
  const ev = (date: string, measureId: number, type: HistoryEvent['type'], statusBefore: HistoryEvent['statusBefore'], statusAfter: HistoryEvent['statusAfter']): HistoryEvent => ({
    date, measureId, type, statusBefore, statusAfter,
  });
  it('counts additions, closures, reopenings and removals on their days', () => {
    const events = [
      ev('2023-03-15', 1, 'create', null, 'not_started'),
      ev('2023-03-15', 2, 'create', null, 'not_started'),
      ev('2023-04-01', 1, 'update', 'not_started', 'closed'),
      ev('2023-05-01', 3, 'create', null, 'in_progress'), // added later: the total moves
      ev('2023-06-01', 2, 'update', 'in_progress', 'closed'),
      ev('2023-07-01', 1, 'update', 'closed', 'in_progress'), // reopened by a 回头看: steps down
      ev('2023-07-10', 3, 'delete', 'in_progress', null),
      ev('2023-09-01', 1, 'update', 'in_progress', 'closed'), // after the range
    ];
    expect(burnUp(events, { from: '2023-03-15', to: '2023-08-18' })).toEqual([
      { date: '2023-03-15', total: 2, closed: 0 },
      { date: '2023-04-01', total: 2, closed: 1 },
      { date: '2023-05-01', total: 3, closed: 1 },
      { date: '2023-06-01', total: 3, closed: 2 },
      { date: '2023-07-01', total: 3, closed: 1 },
      { date: '2023-07-10', total: 2, closed: 1 },
      { date: '2023-08-18', total: 2, closed: 1 },
    ]);
  });
  it('folds what happened before the range into its first point', () => {
    const events = [ev('2023-01-01', 1, 'create', null, 'closed'), ev('2023-02-01', 2, 'create', null, 'not_started')];
    expect(burnUp(events, { from: '2023-03-15', to: '2023-03-20' })).toEqual([
      { date: '2023-03-15', total: 2, closed: 1 },
      { date: '2023-03-20', total: 2, closed: 1 },
    ]);
  });
  it('reconstructs what the audit does not hold, and keeps deleted measures’ own history', () => {
    const measures = [
      // Demo, closed, no audit: added on its start date, closed on its completion date.
      { id: 1, createdOn: '2026-11-30', startDate: '2023-03-15', status: 'closed' as const, completedDate: '2023-06-10', demo: true },
      // Created through the API: its audit says it all.
      { id: 2, createdOn: '2023-04-02', startDate: '2023-03-15', status: 'in_progress' as const, completedDate: null, demo: false },
      // Older than the audit (no start date), then reopened through the API.
      { id: 3, createdOn: '2023-03-20', startDate: null, status: 'in_progress' as const, completedDate: null, demo: false },
    ];
    const audit = [
      ev('2023-04-02', 2, 'create', null, 'not_started'),
      ev('2023-05-05', 4, 'create', null, 'not_started'),
      ev('2023-06-01', 3, 'reopen', 'closed', 'in_progress'),
      ev('2023-06-02', 4, 'delete', 'not_started', null),
    ];
    const history = roundHistory(measures, audit);
    expect(history).toContainEqual(ev('2023-03-15', 1, 'create', null, 'in_progress'));
    expect(history).toContainEqual(ev('2023-06-10', 1, 'update', 'in_progress', 'closed'));
    expect(history).toContainEqual(ev('2023-03-20', 3, 'create', null, 'closed'));
    expect(burnUp(history, { from: '2023-03-15', to: '2023-06-30' })).toEqual([
      { date: '2023-03-15', total: 1, closed: 0 },
      { date: '2023-03-20', total: 2, closed: 1 },
      { date: '2023-04-02', total: 3, closed: 1 },
      { date: '2023-05-05', total: 4, closed: 1 },
      { date: '2023-06-01', total: 4, closed: 0 },
      { date: '2023-06-02', total: 3, closed: 0 },
      { date: '2023-06-10', total: 3, closed: 1 },
      { date: '2023-06-30', total: 3, closed: 1 },
    ]);
  });
});

describe('followUpState', () => {
  it('is done once every measure has a result, overdue past its day, due within 14 days, else scheduled', () => {
    expect(followUpState({ scheduledOn: '2023-01-01', pending: 0 }, '2023-08-18')).toBe('done');
    expect(followUpState({ scheduledOn: '2023-08-17', pending: 1 }, '2023-08-18')).toBe('overdue');
    expect(followUpState({ scheduledOn: '2023-08-18', pending: 1 }, '2023-08-18')).toBe('due');
    expect(followUpState({ scheduledOn: '2023-09-01', pending: 3 }, '2023-08-18')).toBe('due');
    expect(followUpState({ scheduledOn: '2023-09-02', pending: 3 }, '2023-08-18')).toBe('scheduled');
    expect(followUpState({ scheduledOn: '2023-09-02', pending: 0 }, '2023-08-18')).toBe('done');
  });
});
