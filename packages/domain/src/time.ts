import { addDays, dayNumber, daysBetween } from './dates.js';
import { CHECK_IN_DAYS, type CheckInCadence, type Locale, type MeasureKind, type MeasureStatus } from './enums.js';

/**
 * The time dimension of a round (issue 9): the three-colour early warning (三色预警), a measure's
 * timeline (start → deadline, its original deadline when postponed), and the burn-up of closed
 * measures replayed from the dated history. Pure: no I/O; the SQL form of `warningLevel` sits
 * beside it so that the database counts exactly what the rule says.
 */

/**
 * none; due_soon (第一档, 绿色预警: within the first threshold of the deadline); urgent (第二档, 黄色预警:
 * within the second threshold, or behind schedule 序时进度); overdue (红色预警: past the deadline).
 */
export const WARNING_LEVELS = ['none', 'due_soon', 'urgent', 'overdue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const warningLevelLabels: Labels<WarningLevel> = {
  none: { 'zh-CN': '正常', en: 'On track' },
  due_soon: { 'zh-CN': '绿色预警（即将到期）', en: 'Green: due soon' },
  urgent: { 'zh-CN': '黄色预警（临期或滞后）', en: 'Yellow: due very soon or behind schedule' },
  overdue: { 'zh-CN': '红色预警（已逾期）', en: 'Red: overdue' },
};

/** The colour each level is shown in (dashboard, tree, measure page, timeline, ledger). */
export const warningLevelColors: Record<WarningLevel, string> = {
  none: '#8c8c8c',
  due_soon: '#52c41a',
  urgent: '#faad14',
  overdue: '#f5222d',
};

/** Why a measure has its level (several may hold; the level is the highest). */
export const WARNING_REASONS = ['due_soon', 'due_very_soon', 'behind_schedule', 'overdue', 'check_in_missed'] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

/** A round's thresholds: days before the deadline, and the behind-schedule margin in points. */
export interface WarningThresholds {
  warnDueSoonDays: number;
  warnVerySoonDays: number;
  behindScheduleMargin: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { warnDueSoonDays: 20, warnVerySoonDays: 10, behindScheduleMargin: 20 };

/** The facts of a measure the warning rule reads. */
export interface WarningFacts {
  status: MeasureStatus;
  kind: MeasureKind;
  deadline: string | null;
  /** The day work started (the round's feedback date when the measure has none). */
  startDate: string | null;
  /** Reported progress, 0..100. */
  progress: number;
  /** 长期坚持: how often it reports (long-term measures only; absent or null: no check-ins asked). */
  checkInCadence?: CheckInCadence | null;
  /** The day of its latest progress update (its last check-in). */
  lastCheckInOn?: string | null;
}

/**
 * The day a long-term measure's next check-in is due: its cadence's days after the last check-in,
 * or after its start when it has none yet; null when it has no cadence or no day to count from.
 */
export function nextCheckInDue(m: Pick<WarningFacts, 'kind' | 'status' | 'checkInCadence' | 'lastCheckInOn' | 'startDate'>): string | null {
  if (m.kind !== 'long_term' || m.status === 'closed' || !m.checkInCadence) return null;
  const from = m.lastCheckInOn ?? m.startDate;
  return from ? addDays(from, CHECK_IN_DAYS[m.checkInCadence]) : null;
}

/**
 * 序时进度: the share of the measure's time elapsed by `today`, 0..100, or null when it cannot be
 * said (no start or deadline, or a deadline not after the start).
 */
export function elapsedShare(startDate: string | null, deadline: string | null, today: string): number | null {
  if (!startDate || !deadline) return null;
  const span = daysBetween(startDate, deadline);
  if (span <= 0) return null;
  const elapsed = Math.min(Math.max(daysBetween(startDate, today), 0), span);
  return (100 * elapsed) / span;
}

/** Behind schedule: reported progress below the share of time elapsed by more than the margin. */
export function isBehindSchedule(m: Pick<WarningFacts, 'startDate' | 'deadline' | 'progress'>, today: string, margin: number): boolean {
  const share = elapsedShare(m.startDate, m.deadline, today);
  return share !== null && m.progress < share - margin;
}

export interface Warning {
  level: WarningLevel;
  reasons: WarningReason[];
  /** Days until the deadline (negative once overdue); null without a deadline. */
  daysLeft: number | null;
}

/**
 * The one warning rule. Closed measures have none. A long-term one (长期坚持: never closed by a
 * date) is judged by its next check-in as by a deadline: overdue once the check-in is missed, urgent
 * within `warnVerySoonDays` days of it, due soon within `warnDueSoonDays`; without a cadence it has
 * none. A measure without a deadline has none. Otherwise: overdue once the deadline has passed (a
 * measure due today is not late yet); urgent within `warnVerySoonDays` days of it, or when behind
 * schedule; due soon within `warnDueSoonDays`.
 */
export function warning(m: WarningFacts, today: string, t: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): Warning {
  if (m.status !== 'closed' && m.kind === 'long_term') {
    const due = nextCheckInDue(m);
    if (!due) return { level: 'none', reasons: [], daysLeft: null };
    const daysLeft = daysBetween(today, due);
    if (daysLeft < 0) return { level: 'overdue', reasons: ['check_in_missed'], daysLeft };
    if (daysLeft <= t.warnVerySoonDays) return { level: 'urgent', reasons: ['due_very_soon'], daysLeft };
    if (daysLeft <= t.warnDueSoonDays) return { level: 'due_soon', reasons: ['due_soon'], daysLeft };
    return { level: 'none', reasons: [], daysLeft };
  }
  if (m.status === 'closed' || m.kind === 'long_term' || !m.deadline) return { level: 'none', reasons: [], daysLeft: null };
  const daysLeft = daysBetween(today, m.deadline);
  if (daysLeft < 0) return { level: 'overdue', reasons: ['overdue'], daysLeft };
  const reasons: WarningReason[] = [];
  if (daysLeft <= t.warnVerySoonDays) reasons.push('due_very_soon');
  else if (daysLeft <= t.warnDueSoonDays) reasons.push('due_soon');
  if (isBehindSchedule(m, today, t.behindScheduleMargin)) reasons.push('behind_schedule');
  const level: WarningLevel = reasons.some((r) => r === 'due_very_soon' || r === 'behind_schedule') ? 'urgent' : reasons.length ? 'due_soon' : 'none';
  return { level, reasons, daysLeft };
}

export function warningLevel(m: WarningFacts, today: string, t: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): WarningLevel {
  return warning(m, today, t).level;
}

/** Higher is more urgent: none 0 … overdue 3. */
export function warningRank(level: WarningLevel): number {
  return WARNING_LEVELS.indexOf(level);
}

export type SqlDialect = 'sqlite' | 'postgresql';

/**
 * The SQL form of `warningLevel`: a CASE expression giving 'none' | 'due_soon' | 'urgent' |
 * 'overdue' for the measure row `m` of the round row `r` (thresholds per round), with `today` as a
 * day number inlined (an integer we computed, never user input). Dates are compared as day numbers:
 * julianday on SQLite, date subtraction on PostgreSQL. The behind-schedule test is cross-multiplied
 * so that it stays in integers: progress·span < 100·elapsed − margin·span.
 */
export function warningLevelSql(dialect: SqlDialect, today: string, aliases: { m: string; r: string } = { m: 'm', r: 'r' }): string {
  const todayDays = dayNumber(today);
  if (!Number.isInteger(todayDays)) throw new Error(`not a date: ${today}`);
  const { m, r } = aliases;
  const day = (column: string) =>
    dialect === 'sqlite'
      ? `CAST(julianday(${column}) - 2440587.5 AS INTEGER)`
      : `(CAST(${column} AS DATE) - DATE '1970-01-01')`;
  const deadline = day(`${m}."deadline"`);
  const start = day(`COALESCE(${m}."startDate", ${r}."feedbackDate")`);
  const left = `(${deadline} - ${todayDays})`;
  const span = `(${deadline} - ${start})`;
  const elapsed = `(CASE WHEN ${todayDays} < ${start} THEN 0 WHEN ${todayDays} > ${deadline} THEN ${span} ELSE ${todayDays} - ${start} END)`;
  const behind = `(COALESCE(${m}."startDate", ${r}."feedbackDate") IS NOT NULL AND ${span} > 0 AND ${m}."progress" * ${span} < 100 * ${elapsed} - ${r}."behindScheduleMargin" * ${span})`;
  // 长期坚持: the next check-in is the deadline (the cadence's days after the last check-in, or the start).
  const cadenceDays = `(CASE ${m}."checkInCadence" ${Object.entries(CHECK_IN_DAYS).map(([c, d]) => `WHEN '${c}' THEN ${d}`).join(' ')} END)`;
  const checkInLeft = `(${day(`COALESCE(${m}."lastCheckInOn", ${m}."startDate", ${r}."feedbackDate")`)} + ${cadenceDays} - ${todayDays})`;
  return `(CASE
    WHEN ${m}."status" = 'closed' THEN 'none'
    WHEN ${m}."kind" = 'long_term' THEN (CASE
      WHEN ${cadenceDays} IS NULL OR COALESCE(${m}."lastCheckInOn", ${m}."startDate", ${r}."feedbackDate") IS NULL THEN 'none'
      WHEN ${checkInLeft} < 0 THEN 'overdue'
      WHEN ${checkInLeft} <= ${r}."warnVerySoonDays" THEN 'urgent'
      WHEN ${checkInLeft} <= ${r}."warnDueSoonDays" THEN 'due_soon'
      ELSE 'none' END)
    WHEN ${m}."deadline" IS NULL THEN 'none'
    WHEN ${left} < 0 THEN 'overdue'
    WHEN ${left} <= ${r}."warnVerySoonDays" OR ${behind} THEN 'urgent'
    WHEN ${left} <= ${r}."warnDueSoonDays" THEN 'due_soon'
    ELSE 'none' END)`;
}

/** A measure's start: its own, else the round's feedback date. */
export function measureStart(m: { startDate: string | null }, round: { feedbackDate: string | null }): string | null {
  return m.startDate ?? round.feedbackDate;
}

/** 原定时限: the deadline before any postponement (the current one while never postponed). */
export function originalDeadlineOf(m: { deadline: string | null; originalDeadline: string | null }): string | null {
  return m.originalDeadline ?? m.deadline;
}

/** One bar of a round's timeline (Gantt). */
export interface TimelineBar {
  start: string | null;
  end: string | null;
  /** The original deadline, shown as a ghost when the measure was postponed. */
  originalEnd: string | null;
  /** The day it was closed, marked on the bar. */
  closedOn: string | null;
  /** The overdue stretch (deadline → closure or today), drawn red; null when never late. */
  overdue: { from: string; to: string } | null;
}

export function timelineBar(
  m: { startDate: string | null; deadline: string | null; originalDeadline: string | null; status: MeasureStatus; completedDate: string | null; kind: MeasureKind },
  round: { feedbackDate: string | null },
  today: string,
): TimelineBar {
  const start = measureStart(m, round);
  const closedOn = m.status === 'closed' ? m.completedDate : null;
  const until = closedOn ?? today;
  const late = m.kind !== 'long_term' && m.deadline !== null && m.deadline < until;
  return {
    start,
    end: m.deadline,
    originalEnd: m.originalDeadline && m.originalDeadline !== m.deadline ? m.originalDeadline : null,
    closedOn,
    overdue: late ? { from: m.deadline!, to: until } : null,
  };
}

/**
 * One dated fact of a round's history, as the audit log holds it: a measure added or removed, a
 * status change. `closed` says whether the measure was closed before and after.
 */
export interface HistoryEvent {
  date: string;
  measureId: number;
  type: 'create' | 'update' | 'delete' | 'reopen';
  statusBefore: MeasureStatus | null;
  statusAfter: MeasureStatus | null;
}

export interface BurnUpPoint {
  date: string;
  /** Measures that exist at the end of the day. */
  total: number;
  /** Of them, closed at the end of the day. */
  closed: number;
}

/**
 * 燃尽/完成曲线: measures closed over time against the total, replayed from the dated history (not
 * from today's state): an added measure raises the total, a removed one lowers it (and the closed
 * count if it was closed), a reopened one steps the closed line down. One point per day that changed
 * something, plus `from` and `to`; events are applied in the given order within a day.
 */
export function burnUp(events: readonly HistoryEvent[], range: { from?: string | null; to: string }): BurnUpPoint[] {
  // A stable sort: events of one day keep the order they happened in.
  const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const from = range.from ?? sorted[0]?.date ?? range.to;
  const state = new Map<number, MeasureStatus>();
  const apply = (e: HistoryEvent) => {
    if (e.type === 'delete') state.delete(e.measureId);
    else if (e.statusAfter) state.set(e.measureId, e.statusAfter);
  };
  const snapshot = (date: string): BurnUpPoint => {
    let closed = 0;
    for (const s of state.values()) if (s === 'closed') closed++;
    return { date, total: state.size, closed };
  };
  let i = 0;
  while (i < sorted.length && sorted[i]!.date <= from) apply(sorted[i++]!);
  const points = [snapshot(from)];
  while (i < sorted.length && sorted[i]!.date <= range.to) {
    const day = sorted[i]!.date;
    while (i < sorted.length && sorted[i]!.date === day) apply(sorted[i++]!);
    points.push(snapshot(day));
  }
  if (points[points.length - 1]!.date < range.to) points.push(snapshot(range.to));
  return points;
}

/** Open and due between today and `days` days from now (both included), whatever its kind: 我的任务's 即将到期. */
export function isDueSoon(m: { status: MeasureStatus; deadline: string | null }, today: string, days: number): boolean {
  return m.status !== 'closed' && m.deadline !== null && m.deadline >= today && m.deadline <= addDays(today, days);
}

/** The measures due in the next `days` days (today included), open and not long-term. */
export function isDueWithin(m: { status: MeasureStatus; kind: MeasureKind; deadline: string | null }, today: string, days: number): boolean {
  return m.kind !== 'long_term' && isDueSoon(m, today, days);
}

/** A measure as it is today, for `roundHistory`. */
export interface MeasureNow {
  id: number;
  /** The day (Asia/Shanghai) the row was created. */
  createdOn: string;
  startDate: string | null;
  status: MeasureStatus;
  completedDate: string | null;
  /** Demo rows were loaded with back-dated facts (kept for callers; the start date rule covers them). */
  demo: boolean;
}

/**
 * The dated history of a round from its audit log and its measures as they are: the audit holds
 * every status change made through the API (create, update, reopen, delete, with their day); rows
 * the audit does not cover (demo data, imports without per-measure records, measures older than
 * the audit) are reconstructed from their own dates: added on their start date (or creation, when
 * earlier), closed on their completion date.
 * `audit` are the events of this round's measures, in the order they happened.
 */
export function roundHistory(measures: readonly MeasureNow[], audit: readonly HistoryEvent[]): HistoryEvent[] {
  const byMeasure = new Map<number, HistoryEvent[]>();
  for (const e of audit) {
    const list = byMeasure.get(e.measureId);
    if (list) list.push(e);
    else byMeasure.set(e.measureId, [e]);
  }
  const out: HistoryEvent[] = [];
  for (const m of measures) {
    const own = byMeasure.get(m.id) ?? [];
    byMeasure.delete(m.id);
    const created = own.find((e) => e.type === 'create');
    const firstDate = own[0]?.date;
    if (!created) {
      // Reconstructed start: the status before the first recorded change, else today's (open) one.
      // Rows without history (loaded, or older than the audit) count from their start date when it is earlier.
      let addedOn = m.startDate && m.startDate < m.createdOn ? m.startDate : m.createdOn;
      if (firstDate && firstDate < addedOn) addedOn = firstDate;
      const initial: MeasureStatus = own[0]?.statusBefore ?? (m.status === 'closed' ? 'in_progress' : m.status);
      if (m.status === 'closed' && !own.length && m.completedDate && m.completedDate < addedOn) addedOn = m.completedDate;
      out.push({ date: addedOn, measureId: m.id, type: 'create', statusBefore: null, statusAfter: initial });
      if (!own.length && m.status === 'closed') {
        out.push({ date: m.completedDate ?? addedOn, measureId: m.id, type: 'update', statusBefore: initial, statusAfter: 'closed' });
      }
    }
    out.push(...own);
  }
  // Measures deleted since: their own audit events (create … delete) stand alone.
  for (const events of byMeasure.values()) out.push(...events);
  return out;
}

/** A status as the audit log's JSON holds it (unknown values read as null). */
export function toMeasureStatusValue(value: unknown): MeasureStatus | null {
  return value === 'not_started' || value === 'in_progress' || value === 'pending_closure' || value === 'closed' ? value : null;
}

/**
 * 回头看: where a follow-up review stands. done: every measure it covers has a result; overdue: its
 * day has passed with results missing; due: its day is within `horizonDays` (today included);
 * scheduled: later.
 */
export const FOLLOW_UP_STATES = ['scheduled', 'due', 'overdue', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const followUpStateLabels: Labels<FollowUpState> = {
  scheduled: { 'zh-CN': '已安排', en: 'Scheduled' },
  due: { 'zh-CN': '即将开展', en: 'Due' },
  overdue: { 'zh-CN': '已过期未完成', en: 'Overdue' },
  done: { 'zh-CN': '已完成', en: 'Done' },
};

export function followUpState(review: { scheduledOn: string; pending: number }, today: string, horizonDays = 14): FollowUpState {
  if (review.pending === 0) return 'done';
  if (review.scheduledOn < today) return 'overdue';
  return review.scheduledOn <= addDays(today, horizonDays) ? 'due' : 'scheduled';
}
