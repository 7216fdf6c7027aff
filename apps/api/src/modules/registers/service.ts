import {
  isIsoDate,
  toMeetingType,
  toLeadingGroupRole,
  type LeadingGroupCreate,
  type LeadingGroupMember,
  type LeadingGroupUpdate,
  type Meeting,
  type MeetingCreate,
  type MeetingUpdate,
  type RegisterFile,
  type Regulation,
  type RegulationCreate,
  type RegulationUpdate,
} from '@rectify/domain';
import type { Db, Tx } from '@rectify/db';
import type { AuditActor } from '../../lib/audit.js';
import { audited } from '../../lib/audited.js';
import { AppError, invalidReference, notFound, validationFailed, versionConflict } from '../../lib/errors.js';
import type { EvidenceStore } from '../../lib/evidence-store.js';
import { acceptEvidenceFile } from '../evidence/service.js';
import { createRegisterRepository, regulationSnapshot, type MeetingRow, type RegulationRow } from './repository.js';

const text = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : value.trim() || null);

function fileOf(row: { fileName: string | null; fileMimeType: string | null; fileSize: number | null; fileSha256: string | null }): RegisterFile | null {
  return row.fileName !== null && row.fileMimeType !== null && row.fileSize !== null && row.fileSha256 !== null
    ? { fileName: row.fileName, mimeType: row.fileMimeType, size: row.fileSize }
    : null;
}

export function toRegulation(row: RegulationRow): Regulation {
  return {
    id: row.id,
    roundId: row.roundId,
    title: row.title,
    documentNumber: row.documentNumber,
    issuedDate: row.issuedDate,
    issuingUnit: row.issuingUnit,
    measureIds: row.measures.map((m) => m.measureId),
    file: fileOf(row),
    demo: row.demo,
    version: row.version,
  };
}

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    roundId: row.roundId,
    type: toMeetingType(row.type),
    date: row.date,
    topic: row.topic,
    attendees: row.attendees,
    file: fileOf(row),
    demo: row.demo,
    version: row.version,
  };
}

function checkDate(field: string, value: string | null | undefined) {
  if (value && !isIsoDate(value)) throw validationFailed(field, 'format');
}

const noFile = { fileName: null, fileMimeType: null, fileSize: null, fileSha256: null };

/**
 * The registers of a round: 建章立制 (rules issued, linked to the measures they answer) and the
 * meetings held. Every write audited with the row's version; files go to the evidence store.
 */
export function createRegisterService({ db, store }: { db: Db; store: EvidenceStore }) {
  const repo = createRegisterRepository(db);

  async function requireRound(id: number) {
    if (!(await repo.roundExists(id))) throw notFound('round', id);
  }
  /** The linked measures must be the round's own (another round's, or unit's, id: 400 INVALID_REFERENCE). */
  async function checkMeasures(roundId: number, ids: number[] | undefined): Promise<number[] | undefined> {
    if (ids === undefined) return undefined;
    const unique = [...new Set(ids)];
    const found = new Set(await repo.measuresOfRound(roundId, unique));
    const missing = unique.find((id) => !found.has(id));
    if (missing !== undefined) throw invalidReference('measureIds', missing);
    return unique;
  }
  const regulationRead = (id: number) => async (tx: Tx) => {
    const row = await createRegisterRepository(tx).regulation(id);
    return row ? regulationSnapshot(row) : null;
  };
  async function getRegulation(id: number): Promise<Regulation> {
    const row = await repo.regulation(id);
    if (!row) throw notFound('regulation', id);
    return toRegulation(row);
  }
  async function getMeeting(id: number): Promise<Meeting> {
    const row = await repo.meeting(id);
    if (!row) throw notFound('meeting', id);
    return toMeeting(row);
  }

  async function getLeadingGroupMember(id: number): Promise<LeadingGroupMember> {
    const g = await db.leadingGroupMember.findUnique({ where: { id }, include: { person: { select: { id: true, name: true, title: true } } } });
    if (!g) throw notFound('leading_group_member', id);
    return { id: g.id, person: g.person, role: toLeadingGroupRole(g.role), demo: g.demo, version: g.version };
  }

  return {
    getRegulation,
    getMeeting,

    async listRegulations(roundId: number): Promise<Regulation[]> {
      await requireRound(roundId);
      return (await repo.regulations(roundId)).map(toRegulation);
    },

    async createRegulation(roundId: number, body: RegulationCreate, actor: AuditActor): Promise<Regulation> {
      await requireRound(roundId);
      checkDate('issuedDate', body.issuedDate);
      const measureIds = (await checkMeasures(roundId, body.measureIds)) ?? [];
      const row = await audited(db, actor).create(
        'regulation',
        (tx) =>
          tx.regulation.create({
            data: {
              roundId,
              title: body.title.trim(),
              documentNumber: text(body.documentNumber) ?? null,
              issuedDate: body.issuedDate ?? null,
              issuingUnit: text(body.issuingUnit) ?? null,
              measures: { create: measureIds.map((measureId) => ({ measureId })) },
            },
            include: { measures: { select: { measureId: true }, orderBy: { measureId: 'asc' } } },
          }),
        regulationSnapshot,
      );
      return toRegulation(row);
    },

    async updateRegulation(id: number, { version, measureIds, removeFile, ...fields }: RegulationUpdate, actor: AuditActor): Promise<Regulation> {
      const current = await repo.regulation(id);
      if (!current) throw notFound('regulation', id);
      checkDate('issuedDate', fields.issuedDate);
      const links = await checkMeasures(current.roundId, measureIds);
      await audited(db, actor).update('regulation', id, version, regulationRead(id), async (tx, where) => {
        const result = await tx.regulation.updateMany({
          where,
          data: {
            title: fields.title?.trim(),
            documentNumber: text(fields.documentNumber),
            issuedDate: fields.issuedDate,
            issuingUnit: text(fields.issuingUnit),
            ...(removeFile ? noFile : {}),
            version: { increment: 1 },
          },
        });
        if (result.count === 1 && links) {
          await tx.regulationMeasure.deleteMany({ where: { regulationId: id } });
          if (links.length) await tx.regulationMeasure.createMany({ data: links.map((measureId) => ({ regulationId: id, measureId })) });
        }
        return result;
      });
      return getRegulation(id);
    },

    async deleteRegulation(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'regulation', id,
        regulationRead(id),
        (before) => {
          if (version !== undefined && before.version !== version) throw versionConflict('regulation', id, before.version);
        },
        (tx) => tx.regulation.delete({ where: { id } }),
      );
    },

    async listMeetings(roundId: number): Promise<Meeting[]> {
      await requireRound(roundId);
      return (await repo.meetings(roundId)).map(toMeeting);
    },

    async createMeeting(roundId: number, body: MeetingCreate, actor: AuditActor): Promise<Meeting> {
      await requireRound(roundId);
      checkDate('date', body.date);
      const row = await audited(db, actor).create('meeting', (tx) =>
        tx.meeting.create({ data: { roundId, type: body.type, date: body.date ?? null, topic: body.topic.trim(), attendees: text(body.attendees) ?? null } }),
      );
      return toMeeting(row);
    },

    async updateMeeting(id: number, { version, removeFile, ...fields }: MeetingUpdate, actor: AuditActor): Promise<Meeting> {
      checkDate('date', fields.date);
      await audited(db, actor).update(
        'meeting', id, version,
        (tx) => tx.meeting.findUnique({ where: { id } }),
        (tx, where) =>
          tx.meeting.updateMany({
            where,
            data: { type: fields.type, date: fields.date, topic: fields.topic?.trim(), attendees: text(fields.attendees), ...(removeFile ? noFile : {}), version: { increment: 1 } },
          }),
      );
      return getMeeting(id);
    },

    async deleteMeeting(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'meeting', id,
        (tx) => tx.meeting.findUnique({ where: { id } }),
        (before) => {
          if (version !== undefined && before.version !== version) throw versionConflict('meeting', id, before.version);
        },
        (tx) => tx.meeting.delete({ where: { id } }),
      );
    },

    /** Adds a person of the round's unit to its 整改工作领导小组 (once per round: 409 DUPLICATE otherwise). */
    async addLeadingGroupMember(roundId: number, body: LeadingGroupCreate, actor: AuditActor): Promise<LeadingGroupMember> {
      const round = await db.inspectionRound.findUnique({ where: { id: roundId }, select: { inspectedUnitId: true } });
      if (!round) throw notFound('round', roundId);
      const person = await db.person.findUnique({ where: { id: body.personId }, select: { organizationId: true } });
      if (!person || person.organizationId !== round.inspectedUnitId) throw invalidReference('personId', body.personId);
      if (await db.leadingGroupMember.findUnique({ where: { roundId_personId: { roundId, personId: body.personId } }, select: { id: true } })) {
        throw new AppError(409, 'DUPLICATE', { entity: 'leading_group_member', personId: body.personId }, { 'zh-CN': '该人员已在领导小组中', en: 'This person is already in the leading group' });
      }
      const row = await audited(db, actor).create('leading_group_member', (tx) =>
        tx.leadingGroupMember.create({ data: { roundId, personId: body.personId, role: body.role } }),
      );
      return getLeadingGroupMember(row.id);
    },

    async updateLeadingGroupMember(id: number, body: LeadingGroupUpdate, actor: AuditActor): Promise<LeadingGroupMember> {
      await audited(db, actor).update(
        'leading_group_member', id, body.version,
        (tx) => tx.leadingGroupMember.findUnique({ where: { id } }),
        (tx, where) => tx.leadingGroupMember.updateMany({ where, data: { role: body.role, version: { increment: 1 } } }),
      );
      return getLeadingGroupMember(id);
    },

    async removeLeadingGroupMember(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'leading_group_member', id,
        (tx) => tx.leadingGroupMember.findUnique({ where: { id } }),
        (before) => {
          if (version !== undefined && before.version !== version) throw versionConflict('leading_group_member', id, before.version);
        },
        (tx) => tx.leadingGroupMember.delete({ where: { id } }),
      );
    },

    /** Attaches (or replaces) the issued rule's document or the meeting's minutes: checked as evidence is, stored once per content. */
    async attachFile(kind: 'regulation' | 'meeting', id: number, version: number, rawName: string, bytes: Buffer, actor: AuditActor): Promise<Regulation | Meeting> {
      const { fileName, mime } = acceptEvidenceFile(rawName, bytes);
      const sha256 = await store.put(bytes);
      const data = { fileName, fileMimeType: mime, fileSize: bytes.length, fileSha256: sha256, version: { increment: 1 } };
      if (kind === 'regulation') {
        await audited(db, actor).update('regulation', id, version, regulationRead(id), (tx, where) => tx.regulation.updateMany({ where, data }));
        return getRegulation(id);
      }
      await audited(db, actor).update('meeting', id, version, (tx) => tx.meeting.findUnique({ where: { id } }), (tx, where) => tx.meeting.updateMany({ where, data }));
      return getMeeting(id);
    },

    /** The attached file, streamed from the evidence store; 404 when there is none (or its content is gone). */
    async file(kind: 'regulation' | 'meeting', id: number) {
      const row = kind === 'regulation' ? await repo.regulation(id) : await repo.meeting(id);
      if (!row) throw notFound(kind, id);
      const stream = row.fileSha256 ? await store.open(row.fileSha256) : null;
      if (!stream || row.fileName === null || row.fileMimeType === null || row.fileSize === null) throw notFound(`${kind}_file`, id);
      return { fileName: row.fileName, mimeType: row.fileMimeType, size: row.fileSize, stream };
    },
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
