import {
  measureStart,
  roundTitle,
  warningLevel,
  type SupervisionNotice,
  type SupervisionNoticeCreate,
} from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { loadDocuments } from '../../lib/documents.js';
import { AppError, invalidReference, notFound } from '../../lib/errors.js';
import type { Notifier } from '../notifications/service.js';
import { findNotice, nextNoticeNumber, toLevel, noticeMeasures, noticeRound, noticesOfMeasure, noticesOfRound, toNotice } from './repository.js';

/**
 * 督办函: the office issues a numbered supervision notice to one department (or one leader) about
 * one or several open measures of a round; the notice, its number and each measure's level and
 * deadline at issue are kept, audited on every measure it names, and its owners are notified. The
 * .docx is rendered from what was kept, with today's progress.
 */
export function createSupervisionService({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  async function get(id: number): Promise<SupervisionNotice> {
    const row = await findNotice(db, id);
    if (!row) throw notFound('supervision_notice', id);
    return toNotice(row);
  }

  return {
    get,
    ofRound: async (roundId: number) => {
      if (!(await db.inspectionRound.count({ where: { id: roundId } }))) throw notFound('round', roundId);
      return noticesOfRound(db, roundId);
    },
    ofMeasure: (measureId: number) => noticesOfMeasure(db, measureId),

    async issue(roundId: number, body: SupervisionNoticeCreate, actor: RequestActor): Promise<SupervisionNotice> {
      const target = body.target ?? 'department';
      const today = clock.today();
      const id = await db.$transaction(async (tx) => {
        const round = await noticeRound(tx, roundId);
        if (!round) throw notFound('round', roundId);
        const measures = await noticeMeasures(tx, roundId, body.measureIds);
        const found = new Set(measures.map((m) => m.id));
        const missing = body.measureIds.find((m) => !found.has(m));
        if (missing !== undefined) throw invalidReference('measureIds', missing);
        const closed = measures.find((m) => m.status === 'closed');
        if (closed) throw new AppError(409, 'NOTICE_MEASURE_CLOSED', { measureId: closed.id });
        const keys = new Set(measures.map((m) => (target === 'leader' ? m.leaderId : m.leadDepartmentId)));
        const key = [...keys][0];
        if (keys.size !== 1 || key === null || key === undefined) throw new AppError(400, 'NOTICE_MIXED_TARGETS', { target, field: 'measureIds' });
        const first = measures[0]!;
        const targetName = target === 'leader' ? `${first.leader!.name}同志` : first.leadDepartment!.name;
        const year = Number(today.slice(0, 4));
        const notice = await tx.supervisionNotice.create({
          data: {
            organizationId: round.inspectedUnitId,
            roundId,
            year,
            number: await nextNoticeNumber(tx, round.inspectedUnitId, year),
            target,
            targetName,
            replyBy: body.replyBy ?? null,
            request: body.request?.trim() || null,
            issuedOn: today,
            issuedAt: clock.now(),
            issuedByUserId: actor.userId,
            measures: {
              create: measures.map((m) => ({
                measureId: m.id,
                deadline: m.deadline,
                level: warningLevel({ ...m, startDate: measureStart(m, round) }, today, round),
              })),
            },
          },
        });
        const code = `督办〔${notice.year}〕${notice.number}号`;
        for (const m of measures) {
          await audit(tx, actor, 'supervision_notice', notice.id, 'issue', null, { code, target, targetName, replyBy: notice.replyBy, deadline: m.deadline }, { measureId: m.id });
          await notifier.notify(tx, {
            userIds: await notifier.responsibleUserIds(tx, m),
            kind: 'warning',
            measureId: m.id,
            title: `督办函 ${code}`,
            text: `整改办公室就整改措施「${m.text.length > 40 ? `${m.text.slice(0, 40)}…` : m.text}」发出督办函（${code}），请按要求报送整改推进情况。`,
            key: (userId) => `notice:${notice.id}:${m.id}:${userId}`,
          });
        }
        return notice.id;
      });
      notifier.flush();
      return get(id);
    },

    async docx(id: number): Promise<{ bytes: Buffer; fileName: string }> {
      const notice = await findNotice(db, id);
      if (!notice) throw notFound('supervision_notice', id);
      const [round, measures] = await db.$transaction(async (tx) => [
        await noticeRound(tx, notice.roundId),
        await noticeMeasures(tx, notice.roundId, notice.measures.map((m) => m.measureId)),
      ]);
      if (!round) throw notFound('round', notice.roundId);
      const kept = new Map(notice.measures.map((m) => [m.measureId, m]));
      const code = `督办〔${notice.year}〕${notice.number}号`;
      const { renderSupervisionNoticeDocx } = await loadDocuments();
      const bytes = await renderSupervisionNoticeDocx({
        issuer: `${round.inspectedUnit.name}巡察整改工作领导小组办公室`,
        code,
        addressee: notice.targetName,
        roundTitle: roundTitle(round),
        issuedOn: notice.issuedOn,
        replyBy: notice.replyBy,
        request: notice.request,
        items: measures.map((m) => {
          const k = kept.get(m.id)!;
          return { text: m.text, problem: m.problem.title, deadline: k.deadline, originalDeadline: m.originalDeadline, level: toLevel(k.level), progress: m.progress };
        }),
      });
      return { bytes, fileName: `${code}${notice.targetName}.docx` };
    },
  };
}
