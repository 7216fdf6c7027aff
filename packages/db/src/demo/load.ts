import type { Db } from '../client.js';
import type { DemoRound } from './types.js';

export interface LoadResult {
  loaded: boolean;
  roundId: number | null;
  reason?: string;
}

/**
 * Loads a demo round in one transaction, and only into an empty database: demo data must never
 * mix with a unit's real records.
 */
export async function loadDemoRound(db: Db, data: DemoRound): Promise<LoadResult> {
  if ((await db.inspectionRound.count()) > 0) return { loaded: false, roundId: null, reason: 'database is not empty' };

  const roundId = await db.$transaction(
    async (tx) => {
      const parent = await tx.organization.upsert({
        where: { name: data.organization.parentName },
        update: {},
        create: { name: data.organization.parentName },
      });
      const unit = await tx.organization.upsert({
        where: { name: data.organization.name },
        update: {},
        create: { name: data.organization.name, shortName: data.organization.shortName, parentId: parent.id },
      });

      const departmentIds = new Map<string, number>();
      for (const d of data.departments) {
        const row = await tx.department.create({ data: { organizationId: unit.id, name: d.name, demo: true } });
        departmentIds.set(d.key, row.id);
      }
      const personIds = new Map<string, number>();
      for (const p of data.people) {
        const row = await tx.person.create({
          data: {
            organizationId: unit.id,
            name: p.name,
            title: p.title,
            departmentId: p.departmentKey ? need(departmentIds, p.departmentKey) : null,
            demo: true,
          },
        });
        personIds.set(p.key, row.id);
      }

      const round = await tx.inspectionRound.create({
        data: {
          committee: data.committee,
          roundName: data.roundName,
          groupName: data.groupName,
          inspectedUnitId: unit.id,
          inspectionStart: data.inspectionStart,
          inspectionEnd: data.inspectionEnd,
          feedbackDate: data.feedbackDate,
          rectificationDeadline: data.rectificationDeadline,
          reportDate: data.reportDate,
          reportOpening: data.reportOpening,
          reportNextSteps: data.reportNextSteps,
          reportContact: data.reportContact,
          demo: true,
        },
      });

      const measureIds = new Map<string, number>();
      for (const c of data.categories) {
        const category = await tx.category.create({ data: { roundId: round.id, ordinal: c.ordinal, title: c.title } });
        for (const p of c.problems) {
          const problem = await tx.problem.create({
            data: { categoryId: category.id, roundId: round.id, ordinal: p.ordinal, title: p.title },
          });
          const manifestationIds: number[] = [];
          for (const [i, text] of p.manifestations.entries()) {
            const m = await tx.manifestation.create({ data: { problemId: problem.id, ordinal: i + 1, text, demo: true } });
            manifestationIds.push(m.id);
          }
          for (const [i, m] of p.measures.entries()) {
            const measure = await tx.measure.create({
              data: {
                problemId: problem.id,
                roundId: round.id,
                manifestationId: m.manifestationIndex === null ? null : (manifestationIds[m.manifestationIndex] ?? null),
                ordinal: i + 1,
                text: m.text,
                kind: m.kind,
                status: m.status,
                deadline: m.deadline,
                completedDate: m.completedDate,
                progress: m.progress,
                outcome: m.outcome,
                leaderId: need(personIds, m.leaderKey),
                leadDepartmentId: need(departmentIds, m.leadDepartmentKey),
                coDepartments: { create: m.coDepartmentKeys.map((k) => ({ departmentId: need(departmentIds, k) })) },
                figures: { create: m.figures.map((f) => ({ label: f.label, value: f.value, unit: f.unit })) },
                // The round's own flag says owners, deadlines and departments are invented (the report
                // names none); the measure's flag says its very text is, not being in the report.
                demo: m.demo,
              },
            });
            measureIds.set(m.key, measure.id);
          }
        }
      }

      for (const r of data.regulations) {
        await tx.regulation.create({
          data: {
            roundId: round.id,
            title: r.title,
            issuedDate: r.issuedDate,
            demo: true,
            measures: { create: r.measureKeys.map((k) => ({ measureId: need(measureIds, k) })) },
          },
        });
      }
      for (const m of data.meetings) {
        await tx.meeting.create({ data: { roundId: round.id, type: m.type, date: m.date, topic: m.topic, demo: true } });
      }
      for (const g of data.leadingGroup) {
        await tx.leadingGroupMember.create({
          data: { roundId: round.id, personId: need(personIds, g.personKey), role: g.role, demo: true },
        });
      }
      return round.id;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { loaded: true, roundId };
}

function need(map: Map<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo data refers to unknown key "${key}"`);
  return id;
}
