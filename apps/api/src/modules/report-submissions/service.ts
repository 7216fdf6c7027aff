import {
  notificationKindLabels,
  reportTransitions,
  roundTitle,
  toReportState,
  type ReportAccept,
  type ReportReturn,
  type ReportStatus,
  type ReportSubmission,
  type ReportSubmit,
} from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound, versionConflict } from '../../lib/errors.js';
import { toUserRef } from '../../lib/user-ref.js';
import type { Notifier } from '../notifications/service.js';
import { createReportSubmissionRepository, type SubmissionRow } from './repository.js';

const toSubmission = (row: SubmissionRow): ReportSubmission => ({
  id: row.id,
  roundId: row.roundId,
  state: row.state === 'accepted' ? 'accepted' : row.state === 'returned' ? 'returned' : 'submitted',
  note: row.note,
  comment: row.comment,
  measures: row.measures,
  closed: row.closed,
  overdue: row.overdue,
  submittedAt: row.submittedAt.toISOString(),
  submittedBy: toUserRef(row.submittedBy),
  decidedAt: row.decidedAt?.toISOString() ?? null,
  decidedBy: toUserRef(row.decidedBy),
  version: row.version,
});

const audited = (row: { state: string; note: string | null; comment: string | null; measures: number; closed: number; overdue: number; version: number }) => ({
  state: row.state,
  note: row.note,
  comment: row.comment,
  measures: row.measures,
  closed: row.closed,
  overdue: row.overdue,
  version: row.version,
});

/**
 * 整改报告报送: the unit's office submits the round's report to the 巡察办 (from draft, or after it
 * was sent back); the 巡察办 accepts it, or sends it back with comments. Each step is audited in
 * its transaction and notified (the 巡察办's accounts on submission, the unit's office on decision).
 */
export function createReportSubmissionService({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  const repo = createReportSubmissionRepository(db);

  async function status(roundId: number): Promise<ReportStatus> {
    const round = await repo.round(db, roundId);
    if (!round) throw notFound('round', roundId);
    const rows = await repo.ofRound(roundId);
    return { roundId, state: toReportState(round.reportState), submissions: rows.map(toSubmission) };
  }

  async function decide(id: number, actor: RequestActor, to: 'accepted' | 'returned', body: ReportAccept | ReportReturn): Promise<ReportStatus> {
    const roundId = await db.$transaction(async (tx) => {
      const row = await repo.find(tx, id);
      if (!row) throw notFound('report_submission', id);
      const round = (await repo.round(tx, row.roundId))!;
      const next = (to === 'accepted' ? reportTransitions.accept : reportTransitions.return)(toReportState(round.reportState));
      if (row.state !== 'submitted' || next === null) throw new AppError(409, 'REPORT_STATE', { from: row.state, to });
      if (row.version !== body.version) throw versionConflict('report_submission', id, row.version);
      const comment = body.comment?.trim() || null;
      const { count } = await repo.decide(tx, id, body.version, { state: to, comment, decidedAt: clock.now(), decidedByUserId: actor.userId });
      if (count !== 1) throw versionConflict('report_submission', id, row.version + 1);
      if ((await repo.setRoundState(tx, row.roundId, 'submitted', to)).count !== 1) throw new AppError(409, 'REPORT_STATE', { from: round.reportState, to });
      await audit(tx, actor, 'report_submission', id, to === 'accepted' ? 'approve' : 'reject', audited(row), audited({ ...row, state: to, comment, version: row.version + 1 }));
      const kind = to === 'accepted' ? 'report_accepted' : 'report_returned';
      const title = roundTitle(round);
      const recipients = await repo.unitOfficeIds(tx, round.inspectedUnitId);
      if (row.submittedByUserId) recipients.push(row.submittedByUserId);
      await notifier.notify(tx, {
        userIds: recipients,
        kind,
        measureId: null,
        title: notificationKindLabels[kind]['zh-CN'],
        text: to === 'accepted' ? `「${title}」整改报告已审核通过。` : `「${title}」整改报告被退回修改：${comment ?? ''}`,
        key: (userId) => `${kind}:${id}:${userId}`,
      });
      return row.roundId;
    });
    await notifier.flush();
    return status(roundId);
  }

  return {
    status,

    async submit(roundId: number, body: ReportSubmit, actor: RequestActor): Promise<ReportStatus> {
      await db.$transaction(async (tx) => {
        const round = await repo.round(tx, roundId);
        if (!round) throw notFound('round', roundId);
        const state = toReportState(round.reportState);
        if (reportTransitions.submit(state) === null) throw new AppError(409, 'REPORT_STATE', { from: state, to: 'submitted' });
        if ((await repo.setRoundState(tx, roundId, state, 'submitted')).count !== 1) throw new AppError(409, 'REPORT_STATE', { from: state, to: 'submitted' });
        const figures = await repo.figures(tx, roundId, clock.today());
        const row = await tx.reportSubmission.create({
          data: { roundId, note: body.note?.trim() || null, ...figures, submittedAt: clock.now(), submittedByUserId: actor.userId },
        });
        await audit(tx, actor, 'report_submission', row.id, 'submit', null, audited(row));
        const title = roundTitle(round);
        await notifier.notify(tx, {
          userIds: await repo.supervisorIds(tx),
          kind: 'report_submitted',
          measureId: null,
          title: notificationKindLabels.report_submitted['zh-CN'],
          text: `${round.inspectedUnit.name}报送了「${title}」整改报告（措施 ${figures.measures} 项，已完成 ${figures.closed} 项），请审核。`,
          key: (userId) => `report_submitted:${row.id}:${userId}`,
        });
      });
      await notifier.flush();
      return status(roundId);
    },

    accept: (id: number, body: ReportAccept, actor: RequestActor) => decide(id, actor, 'accepted', body),
    sendBack: (id: number, body: ReportReturn, actor: RequestActor) => decide(id, actor, 'returned', body),
  };
}
