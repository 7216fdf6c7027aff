import { isIsoDate, toMeasureStatus, transitions, type ProgressUpdate, type ProgressUpdateCreate } from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { validationFailed } from '../../lib/errors.js';
import { guardMeasure } from '../../lib/measure-guard.js';
import { toUserRef, userRefSelect } from '../../lib/user-ref.js';

/**
 * 进展情况: a progress update is appended to its measure, never edited; it sets the measure's
 * progress, moves a not-started measure to in progress, and brings its outcome figures along.
 */
export function createProgressService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async add(measureId: number, body: ProgressUpdateCreate, actor: RequestActor): Promise<ProgressUpdate> {
      if (!isIsoDate(body.date)) throw validationFailed('date', 'format');
      if (body.date > clock.today()) throw validationFailed('date', 'maximum');
      const id = await db.$transaction(async (tx) => {
        const measure = await guardMeasure(tx, measureId, actor, 'measure.progress');
        const update = await tx.progressUpdate.create({
          data: {
            measureId,
            authorId: actor.personId,
            authorUserId: actor.userId,
            date: body.date,
            text: body.text.trim(),
            percent: body.percent,
            figures: {
              create: (body.figures ?? []).map((f) => ({ measureId, label: f.label.trim(), value: f.value, unit: f.unit.trim() })),
            },
          },
          include: { figures: { select: { label: true, value: true, unit: true } } },
        });
        await audit(tx, actor, 'progress_update', update.id, 'create', null, {
          date: update.date,
          text: update.text,
          percent: update.percent,
          authorId: update.authorId,
          figures: update.figures,
        }, { measureId });
        const { status, progress } = transitions.progressReported(
          { status: toMeasureStatus(measure.status), completedDate: measure.completedDate, progress: measure.progress },
          body.percent,
        );
        // Each progress update is a check-in (长期坚持): the measure keeps the day of its latest one.
        const { lastCheckInOn: lastBefore } = await tx.measure.findUniqueOrThrow({ where: { id: measureId }, select: { lastCheckInOn: true } });
        const lastCheckInOn = lastBefore !== null && lastBefore > body.date ? lastBefore : body.date;
        await tx.measure.update({ where: { id: measureId }, data: { progress, status, lastCheckInOn, version: { increment: 1 } } });
        await audit(
          tx, actor, 'measure', measureId, 'update',
          { progress: measure.progress, status: measure.status, lastCheckInOn: lastBefore, version: measure.version },
          { progress, status, lastCheckInOn, version: measure.version + 1 },
        );
        return update.id;
      });
      const row = await db.progressUpdate.findUniqueOrThrow({
        where: { id },
        include: { author: { select: { id: true, name: true } }, authorUser: userRefSelect, figures: { orderBy: { id: 'asc' } } },
      });
      return {
        id: row.id,
        date: row.date,
        text: row.text,
        percent: row.percent,
        author: row.author,
        authorUser: toUserRef(row.authorUser),
        createdAt: row.createdAt.toISOString(),
        figures: row.figures.map((f) => ({ id: f.id, label: f.label, value: f.value, unit: f.unit })),
        // Files come after the update, each uploaded with its id (POST /api/measures/:id/evidence?progressUpdateId=).
        evidence: [],
      };
    },
  };
}
