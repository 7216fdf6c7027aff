import { daysBetween } from './dates.js';
import type { FollowUpResult, MeasureKind, MeasureStatus } from './enums.js';

/** The facts about a measure that the rules below need. */
export interface MeasureFacts {
  status: MeasureStatus;
  deadline: string | null;
}

/** Overdue: the deadline is before today (Asia/Shanghai) and the measure is not closed. */
export function isOverdue(measure: MeasureFacts, today: string): boolean {
  return measure.status !== 'closed' && measure.deadline !== null && measure.deadline < today;
}

/** Days past the deadline of an overdue measure; 0 otherwise. */
export function daysOverdue(measure: MeasureFacts, today: string): number {
  return isOverdue(measure, today) ? daysBetween(measure.deadline!, today) : 0;
}

/** Counts of a set of measures, the unit of every roll-up. `overdue` overlaps the status counts. */
export interface ProgressCounts {
  total: number;
  closed: number;
  inProgress: number;
  notStarted: number;
  pendingClosure: number;
  overdue: number;
}

export function emptyCounts(): ProgressCounts {
  return { total: 0, closed: 0, inProgress: 0, notStarted: 0, pendingClosure: 0, overdue: 0 };
}

export function addToCounts(counts: ProgressCounts, measure: MeasureFacts, today: string): ProgressCounts {
  counts.total += 1;
  if (measure.status === 'closed') counts.closed += 1;
  else if (measure.status === 'in_progress') counts.inProgress += 1;
  else if (measure.status === 'not_started') counts.notStarted += 1;
  else counts.pendingClosure += 1;
  if (isOverdue(measure, today)) counts.overdue += 1;
  return counts;
}

export function countMeasures(measures: readonly MeasureFacts[], today: string): ProgressCounts {
  return measures.reduce((c, m) => addToCounts(c, m, today), emptyCounts());
}

/** Group measures by a key and count each group, keeping first-seen order. */
export function countBy<M extends MeasureFacts, K>(
  measures: readonly M[],
  keyOf: (m: M) => K,
  today: string,
): Map<K, ProgressCounts> {
  const groups = new Map<K, ProgressCounts>();
  for (const m of measures) {
    const key = keyOf(m);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = emptyCounts()));
    addToCounts(counts, m, today);
  }
  return groups;
}

/** Share of closed measures, 0..1; an empty set counts as not started (0). */
export function completionRate(counts: ProgressCounts): number {
  return counts.total === 0 ? 0 : counts.closed / counts.total;
}

/**
 * A problem (or category, or round) is rectified when it has measures and all are closed.
 * One without any measure is not done: nobody has answered it yet.
 */
export function isRectified(counts: ProgressCounts): boolean {
  return counts.total > 0 && counts.closed === counts.total;
}

/** The three segments the progress charts stack; they add up to `total`. */
export function chartSegments(counts: ProgressCounts): { closed: number; onTrack: number; overdue: number } {
  return { closed: counts.closed, onTrack: counts.total - counts.closed - counts.overdue, overdue: counts.overdue };
}

/**
 * The most a measure's progress reads once its closure is undone (a rejected 申请销号, the office's
 * reopen, a 回头看 that finds it 反弹): 100 % means finished, and it is not; the officer's next
 * progress report (进展情况) gives the real figure.
 */
export const REOPENED_PROGRESS_MAX = 99;

/** The progress of a measure taken back from closure (or from a closure request): below 100, the rest unchanged. */
export const reopenedProgress = (progress: number): number => Math.min(progress, REOPENED_PROGRESS_MAX);

/**
 * The dates and progress that follow a change: a closed measure has a completion date (the one
 * given, else the one it had, else today) and 100%; a measure that is not closed has none, and one
 * taken out of closed without a progress given drops below 100 (`reopenedProgress`).
 */
export function applyStatusChange(
  current: { status: MeasureStatus; completedDate: string | null; progress: number },
  next: { status?: MeasureStatus; completedDate?: string | null; progress?: number },
  today: string,
): { status: MeasureStatus; completedDate: string | null; progress: number } {
  const status = next.status ?? current.status;
  if (status === 'closed') {
    return { status, completedDate: next.completedDate ?? current.completedDate ?? today, progress: 100 };
  }
  const progress = next.progress ?? (current.status === 'closed' ? reopenedProgress(current.progress) : current.progress);
  return { status, completedDate: null, progress };
}

/**
 * A new measure's deadline: the one given, else the round's rectification deadline (整改时限), so a
 * measure created by hand, imported from a ledger or from a text starts with the round's date.
 * `undefined` (not said) takes the default; an explicit `null` means "no deadline". A long-term
 * measure (长期坚持) is never closed by a date: it takes none unless one is given, or it would count
 * as overdue from the round's deadline on while its check-ins are kept.
 */
export function newMeasureDeadline(given: string | null | undefined, roundDeadline: string | null, kind: MeasureKind = 'deadline'): string | null {
  if (kind === 'long_term') return given ?? null;
  return given === undefined ? roundDeadline : given;
}

/**
 * The round people mean by "the current round": the newest one that still has open measures,
 * else the newest one. Null when there is none.
 */
export function currentRoundOf<T extends { id: number; totals: { total: number; closed: number } }>(rounds: readonly T[]): T | null {
  const newestFirst = [...rounds].sort((a, b) => b.id - a.id);
  return newestFirst.find((r) => r.totals.closed < r.totals.total) ?? newestFirst[0] ?? null;
}

/** A measure's workflow state: what every status change reads and writes. */
export interface MeasureState {
  status: MeasureStatus;
  completedDate: string | null;
  progress: number;
}

/**
 * Every way a measure's status moves, in one place, so "closed means 100 % and dated; not closed
 * means no completion date; a closure undone is below 100 %" holds whoever moves it: an edit, a ledger import, the closure workflow
 * or a progress report.
 */
export const transitions = {
  /** An edit or an import that names the status (and perhaps the date and progress). */
  change: applyStatusChange,
  /** 申请销号: waits for approval at the progress it had. */
  requestClosure: (current: MeasureState): MeasureState => ({ status: 'pending_closure', completedDate: null, progress: current.progress }),
  /** 销号 approved: closed today at 100 %. */
  close: (current: MeasureState, today: string): MeasureState => applyStatusChange({ ...current, completedDate: null }, { status: 'closed', completedDate: today }, today),
  /**
   * Closure undone — a rejected 申请销号, the office's reopen, a 回头看 that finds it 反弹 (every path
   * calls this): back in progress, undated, below 100 % (`reopenedProgress`: what it had, at most
   * 99), since 100 % reads finished.
   */
  reopen: (current: MeasureState): MeasureState => ({ status: 'in_progress', completedDate: null, progress: reopenedProgress(current.progress) }),
  /** 进展情况 reported: a not-started measure starts; the percent given becomes its progress. */
  progressReported: (current: MeasureState, percent: number): MeasureState => ({
    status: current.status === 'not_started' ? 'in_progress' : current.status,
    completedDate: current.status === 'closed' ? current.completedDate : null,
    progress: current.status === 'closed' ? 100 : percent,
  }),
} as const;

/**
 * 回头看: what recording — or correcting — one measure's result does to the measure; one rule for
 * both, so a correction keeps 巩固 and 反弹 consistent:
 * - 反弹 (`slid`) newly found on a closed measure reopens it (`transitions.reopen`, the review as its
 *   reason): `'reopen'`. A 反弹 already recorded (a note corrected) or on a measure open already
 *   changes nothing more.
 * - 巩固 (`held`) never closes a measure. A correction from 反弹 to 巩固 leaves the reopened measure
 *   open: it is closed again only through 申请销号 → 对账销号, since nobody has verified its
 *   evidence since it was reopened: `'stays_open'` (its owners are told so). Once closed again
 *   that way, the correction changes nothing for it: `'none'`.
 */
export function followUpResultEffect(previous: FollowUpResult | null, next: FollowUpResult, measureStatus: MeasureStatus): 'reopen' | 'stays_open' | 'none' {
  if (next === 'slid' && previous !== 'slid' && measureStatus === 'closed') return 'reopen';
  if (next === 'held' && previous === 'slid' && measureStatus !== 'closed') return 'stays_open';
  return 'none';
}

/**
 * 限期整改 after 反弹: what reopening this measure asks of its deadline. A deadline already past
 * would show the fresh re-rectification as long overdue at once, so a new one is `'required'`;
 * one still ahead (or none) may be kept: `'optional'`. A long-term measure (长期坚持) is never
 * closed by a date — it is held to its check-ins — so it takes none: `'none'` (as it cannot be
 * postponed, and is created without one).
 */
export const RELAPSE_DEADLINES = ['required', 'optional', 'none'] as const;
export type RelapseDeadline = (typeof RELAPSE_DEADLINES)[number];

export function relapseDeadline(measure: { kind: MeasureKind; deadline: string | null }, today: string): RelapseDeadline {
  if (measure.kind === 'long_term') return 'none';
  return measure.deadline !== null && measure.deadline < today ? 'required' : 'optional';
}

/** Why a deadline sent with a 回头看 result is refused. */
export type RelapseDeadlineRefusal = 'required' | 'before_today' | 'long_term' | 'not_reopening';

/**
 * The deadline a measure has after a 回头看 result with `given` (undefined: none sent): the new one
 * when the result reopens it (`followUpResultEffect`), else the one it has; or why not — missing
 * where `relapseDeadline` requires one, before today, on a long-term measure, or sent with a result
 * that reopens nothing (巩固, a 反弹 already recorded).
 */
export function deadlineAfterResult(
  effect: ReturnType<typeof followUpResultEffect>,
  measure: { kind: MeasureKind; deadline: string | null },
  given: string | undefined,
  today: string,
): { ok: true; deadline: string | null } | { ok: false; refusal: RelapseDeadlineRefusal } {
  if (effect !== 'reopen') return given === undefined ? { ok: true, deadline: measure.deadline } : { ok: false, refusal: 'not_reopening' };
  const need = relapseDeadline(measure, today);
  if (given === undefined) return need === 'required' ? { ok: false, refusal: 'required' } : { ok: true, deadline: measure.deadline };
  if (need === 'none') return { ok: false, refusal: 'long_term' };
  if (given < today) return { ok: false, refusal: 'before_today' };
  return { ok: true, deadline: given };
}

/**
 * 回头看: once any of its measures has a result, a review keeps its day, reviewer and scope (the
 * results were found on that day, by that reviewer, over those measures) and is not deleted; its
 * note may still change and a result be corrected.
 */
export const followUpLocked = (counts: { held: number; slid: number }): boolean => counts.held + counts.slid > 0;

export type LedgerImportAction = 'create' | 'update' | 'locked';
export type LedgerStatusHeld = 'needs_verification' | 'locked';

/**
 * The status a ledger import writes for one row. `read` is what the sheet says (null: nothing),
 * `current` the measure's status today (null: the row creates it). A ledger never bypasses the
 * closure workflow: a closure in the sheet (已完成 / 已销号 / 待销号) is written only when the
 * office ticked "import statuses as verified"; otherwise the measure is in progress and its closure
 * goes through 申请销号 → 对账销号. A closed measure is locked: the import leaves it alone unless
 * verified.
 */
export function ledgerImportStatus(
  read: MeasureStatus | null,
  current: MeasureStatus | null,
  verified: boolean,
): { action: LedgerImportAction; status: MeasureStatus; held: LedgerStatusHeld | null } {
  const action: LedgerImportAction = current === null ? 'create' : 'update';
  if (current === 'closed' && !verified) return { action: 'locked', status: 'closed', held: 'locked' };
  const target = read ?? current ?? 'not_started';
  const closes = target === 'closed' || (target === 'pending_closure' && current !== 'pending_closure');
  if (closes && !verified) return { action, status: current === 'pending_closure' ? 'pending_closure' : 'in_progress', held: 'needs_verification' };
  return { action, status: target, held: null };
}
