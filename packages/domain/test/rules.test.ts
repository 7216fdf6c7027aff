import { describe, expect, it } from 'vitest';
import {
  addDays,
  applyStatusChange,
  followUpLocked,
  followUpResultEffect,
  deadlineAfterResult,
  relapseDeadline,
  REOPENED_PROGRESS_MAX,
  reopenedProgress,
  transitions,
  chartSegments,
  completionRate,
  countBy,
  countMeasures,
  daysBetween,
  daysOverdue,
  formatChineseDate,
  formatDateTime,
  isIsoDate,
  isOverdue,
  isRectified,
  newMeasureDeadline,
  todayInShanghai,
  type MeasureFacts, ledgerImportStatus } from '../src/index.js';

describe('dates in Asia/Shanghai', () => {
  it('takes today from Shanghai, not from UTC', () => {
    // 2023-08-17 17:30 UTC is already 2023-08-18 01:30 in Shanghai.
    expect(todayInShanghai(new Date('2023-08-17T17:30:00Z'))).toBe('2023-08-18');
    expect(todayInShanghai(new Date('2023-08-17T15:59:59Z'))).toBe('2023-08-17');
  });
  it('validates real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-6-30')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
  });
  it('shows instants in Shanghai time', () => {
    expect(formatDateTime('2023-08-17T17:30:05Z')).toBe('2023-08-18 01:30');
    expect(formatDateTime(new Date('2023-08-18T04:00:00Z'), true)).toBe('2023-08-18 12:00:00');
  });
  it('counts days and formats official dates', () => {
    expect(daysBetween('2023-07-31', '2023-08-18')).toBe(18);
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
    expect(formatChineseDate('2023-08-18')).toBe('2023年8月18日');
  });
});

describe('overdue', () => {
  const open = (deadline: string | null): MeasureFacts => ({ status: 'in_progress', deadline });
  it('is overdue only when the deadline is before today and the measure is open', () => {
    expect(isOverdue(open('2023-07-31'), '2023-08-01')).toBe(true);
    expect(isOverdue(open('2023-07-31'), '2023-07-31')).toBe(false); // due today is not late yet
    expect(isOverdue({ status: 'closed', deadline: '2023-07-31' }, '2024-01-01')).toBe(false);
    expect(isOverdue({ status: 'pending_closure', deadline: '2023-07-31' }, '2024-01-01')).toBe(true);
    expect(isOverdue(open(null), '2030-01-01')).toBe(false); // long-term measures have no deadline
  });
  it('counts days overdue', () => {
    expect(daysOverdue(open('2023-07-31'), '2023-08-18')).toBe(18);
    expect(daysOverdue(open('2023-09-01'), '2023-08-18')).toBe(0);
  });
});

describe('roll-ups', () => {
  const today = '2023-08-18';
  const measures = [
    { status: 'closed', deadline: '2023-06-30', problem: 1 },
    { status: 'closed', deadline: '2023-06-30', problem: 1 },
    { status: 'in_progress', deadline: '2023-07-31', problem: 2 },
    { status: 'not_started', deadline: '2023-12-31', problem: 2 },
    { status: 'pending_closure', deadline: null, problem: 3 },
  ] as const satisfies readonly (MeasureFacts & { problem: number })[];

  it('counts a set of measures by status, with overdue beside them', () => {
    expect(countMeasures(measures, today)).toEqual({
      total: 5,
      closed: 2,
      inProgress: 1,
      notStarted: 1,
      pendingClosure: 1,
      overdue: 1,
    });
  });
  it('rolls measures up to problems: done when all its measures are closed', () => {
    const byProblem = countBy(measures, (m) => m.problem, today);
    expect(isRectified(byProblem.get(1)!)).toBe(true);
    expect(isRectified(byProblem.get(2)!)).toBe(false);
    expect(isRectified(countMeasures([], today))).toBe(false);
    expect(completionRate(countMeasures(measures, today))).toBeCloseTo(0.4);
  });
  it('splits counts into chart segments that add up to the total', () => {
    const counts = countMeasures(measures, today);
    const s = chartSegments(counts);
    expect(s).toEqual({ closed: 2, onTrack: 2, overdue: 1 });
    expect(s.closed + s.onTrack + s.overdue).toBe(counts.total);
  });
});

describe('status changes', () => {
  const today = '2023-08-18';
  it('stamps the completion date and 100% on closing', () => {
    expect(applyStatusChange({ status: 'in_progress', completedDate: null, progress: 80 }, { status: 'closed' }, today)).toEqual({
      status: 'closed',
      completedDate: today,
      progress: 100,
    });
    expect(
      applyStatusChange({ status: 'in_progress', completedDate: null, progress: 80 }, { status: 'closed', completedDate: '2023-08-01' }, today)
        .completedDate,
    ).toBe('2023-08-01');
  });
  it('clears the completion date when a measure is reopened', () => {
    expect(applyStatusChange({ status: 'closed', completedDate: '2023-08-01', progress: 100 }, { status: 'in_progress', progress: 90 }, today)).toEqual({
      status: 'in_progress',
      completedDate: null,
      progress: 90,
    });
  });
  it('takes a measure out of closed below 100 % unless a progress is given', () => {
    expect(applyStatusChange({ status: 'closed', completedDate: '2023-08-01', progress: 100 }, { status: 'in_progress' }, today)).toEqual({
      status: 'in_progress',
      completedDate: null,
      progress: REOPENED_PROGRESS_MAX,
    });
    // An open measure keeps what it has, even 100 % reported before 申请销号.
    expect(applyStatusChange({ status: 'in_progress', completedDate: null, progress: 100 }, { status: 'in_progress' }, today).progress).toBe(100);
  });
  it('undoes a closure the same way on every path: rejection, the office’s reopen, 反弹', () => {
    const closed = transitions.close({ status: 'pending_closure', completedDate: null, progress: 80 }, today);
    expect(closed).toEqual({ status: 'closed', completedDate: today, progress: 100 });
    const reopened = transitions.reopen(closed);
    expect(reopened).toEqual({ status: 'in_progress', completedDate: null, progress: 99 });
    expect(reopened.progress).toBeLessThan(100);
    // A rejected 申请销号 at 100 % reported is not finished either; below 100 it keeps what it had.
    expect(transitions.reopen({ status: 'pending_closure', completedDate: null, progress: 100 }).progress).toBe(REOPENED_PROGRESS_MAX);
    expect(transitions.reopen({ status: 'pending_closure', completedDate: null, progress: 60 })).toEqual({ status: 'in_progress', completedDate: null, progress: 60 });
    expect(reopenedProgress(0)).toBe(0);
  });
  it('keeps a closed measure closed when only other fields change', () => {
    expect(applyStatusChange({ status: 'closed', completedDate: '2023-08-01', progress: 100 }, {}, today).completedDate).toBe('2023-08-01');
  });
});

describe('回头看 results: recording and correcting follow one rule', () => {
  it('reopens only on a newly found 反弹 of a closed measure, and never re-closes', () => {
    expect(followUpResultEffect(null, 'slid', 'closed')).toBe('reopen');
    expect(followUpResultEffect('held', 'slid', 'closed')).toBe('reopen');
    expect(followUpResultEffect(null, 'held', 'closed')).toBe('none');
    // A note corrected on a 反弹, or a 反弹 on a measure already open: nothing more happens.
    expect(followUpResultEffect('slid', 'slid', 'closed')).toBe('none');
    expect(followUpResultEffect('held', 'slid', 'in_progress')).toBe('none');
    // 反弹 → 巩固 leaves the reopened measure open: closed again only through 申请销号 → 对账销号.
    expect(followUpResultEffect('slid', 'held', 'in_progress')).toBe('stays_open');
    expect(followUpResultEffect('slid', 'held', 'pending_closure')).toBe('stays_open');
    // Closed again that way before the correction: the correction changes nothing for it.
    expect(followUpResultEffect('slid', 'held', 'closed')).toBe('none');
  });
  it('asks a new deadline of a reopened measure whose deadline has passed (限期整改), never of a long-term one', () => {
    const today = '2024-03-10';
    const late = { kind: 'deadline' as const, deadline: '2023-09-30' };
    const ahead = { kind: 'deadline' as const, deadline: '2024-06-30' };
    expect(relapseDeadline(late, today)).toBe('required');
    expect(relapseDeadline({ kind: 'immediate', deadline: '2024-03-09' }, today)).toBe('required');
    // Due today is not late yet; none at all has nothing to be late by.
    expect(relapseDeadline({ kind: 'deadline', deadline: today }, today)).toBe('optional');
    expect(relapseDeadline({ kind: 'deadline', deadline: null }, today)).toBe('optional');
    expect(relapseDeadline(ahead, today)).toBe('optional');
    expect(relapseDeadline({ kind: 'long_term', deadline: null }, today)).toBe('none');
    expect(relapseDeadline({ kind: 'long_term', deadline: '2023-01-01' }, today)).toBe('none');

    // Reopening: the date given (today at the earliest), else the one kept where it may be.
    expect(deadlineAfterResult('reopen', late, '2024-05-31', today)).toEqual({ ok: true, deadline: '2024-05-31' });
    expect(deadlineAfterResult('reopen', late, today, today)).toEqual({ ok: true, deadline: today });
    expect(deadlineAfterResult('reopen', late, undefined, today)).toEqual({ ok: false, refusal: 'required' });
    expect(deadlineAfterResult('reopen', late, '2024-03-09', today)).toEqual({ ok: false, refusal: 'before_today' });
    expect(deadlineAfterResult('reopen', ahead, undefined, today)).toEqual({ ok: true, deadline: '2024-06-30' });
    expect(deadlineAfterResult('reopen', ahead, '2024-04-30', today)).toEqual({ ok: true, deadline: '2024-04-30' });
    expect(deadlineAfterResult('reopen', ahead, '2024-01-01', today)).toEqual({ ok: false, refusal: 'before_today' });
    expect(deadlineAfterResult('reopen', { kind: 'long_term', deadline: null }, undefined, today)).toEqual({ ok: true, deadline: null });
    expect(deadlineAfterResult('reopen', { kind: 'long_term', deadline: null }, '2024-05-31', today)).toEqual({ ok: false, refusal: 'long_term' });
    // A result that reopens nothing keeps the deadline, and takes none.
    expect(deadlineAfterResult('none', late, undefined, today)).toEqual({ ok: true, deadline: '2023-09-30' });
    expect(deadlineAfterResult('stays_open', late, undefined, today)).toEqual({ ok: true, deadline: '2023-09-30' });
    expect(deadlineAfterResult('none', late, '2024-05-31', today)).toEqual({ ok: false, refusal: 'not_reopening' });
    expect(deadlineAfterResult('stays_open', late, '2024-05-31', today)).toEqual({ ok: false, refusal: 'not_reopening' });
  });
  it('fixes a review’s day, reviewer and scope once any result is recorded', () => {
    expect(followUpLocked({ held: 0, slid: 0 })).toBe(false);
    expect(followUpLocked({ held: 1, slid: 0 })).toBe(true);
    expect(followUpLocked({ held: 0, slid: 2 })).toBe(true);
  });
});

describe('ledgerImportStatus: a ledger never bypasses the closure workflow', () => {
  it('holds a closure from the sheet unless the office verified the statuses', () => {
    expect(ledgerImportStatus('closed', null, false)).toEqual({ action: 'create', status: 'in_progress', held: 'needs_verification' });
    expect(ledgerImportStatus('pending_closure', 'in_progress', false)).toEqual({ action: 'update', status: 'in_progress', held: 'needs_verification' });
    expect(ledgerImportStatus('closed', 'pending_closure', false)).toEqual({ action: 'update', status: 'pending_closure', held: 'needs_verification' });
    expect(ledgerImportStatus('closed', null, true)).toEqual({ action: 'create', status: 'closed', held: null });
  });

  it('leaves a closed (locked) measure alone unless verified', () => {
    expect(ledgerImportStatus('in_progress', 'closed', false)).toEqual({ action: 'locked', status: 'closed', held: 'locked' });
    expect(ledgerImportStatus(null, 'closed', false)).toMatchObject({ action: 'locked' });
    expect(ledgerImportStatus('in_progress', 'closed', true)).toEqual({ action: 'update', status: 'in_progress', held: null });
  });

  it('writes open statuses as read, and keeps the current one when the sheet says nothing', () => {
    expect(ledgerImportStatus('not_started', 'in_progress', false)).toEqual({ action: 'update', status: 'not_started', held: null });
    expect(ledgerImportStatus(null, 'in_progress', false)).toEqual({ action: 'update', status: 'in_progress', held: null });
    expect(ledgerImportStatus(null, null, false)).toEqual({ action: 'create', status: 'not_started', held: null });
  });
});

describe('a new measure’s deadline', () => {
  it('takes the round’s 整改时限 when none is said, keeps an explicit none, and gives a long-term measure none', () => {
    expect(newMeasureDeadline(undefined, '2023-06-15')).toBe('2023-06-15');
    expect(newMeasureDeadline(null, '2023-06-15')).toBeNull();
    expect(newMeasureDeadline('2023-05-31', '2023-06-15')).toBe('2023-05-31');
    // 长期坚持 is never closed by a date: the round's deadline would make it overdue while its check-ins are kept.
    expect(newMeasureDeadline(undefined, '2023-06-15', 'long_term')).toBeNull();
    expect(newMeasureDeadline('2023-12-31', '2023-06-15', 'long_term')).toBe('2023-12-31');
    expect(newMeasureDeadline(undefined, '2023-06-15', 'immediate')).toBe('2023-06-15');
  });
});
