import { checkEvidenceFile, EVIDENCE_MAX_BYTES, evidenceExtensions, type EvidenceItem } from '@rectify/domain';
import type { Db, Tx } from '@rectify/db';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { AppError, invalidReference, notFound, validationFailed } from '../../lib/errors.js';
import type { EvidenceStore } from '../../lib/evidence-store.js';
import { guardMeasure } from '../../lib/measure-guard.js';
import { toUserRef, userRefSelect } from '../../lib/user-ref.js';

export const evidenceInclude = { uploadedBy: userRefSelect } as const;

export function toEvidence(row: {
  id: number; measureId: number; progressUpdateId: number | null; fileName: string; mimeType: string; size: number; sha256: string; createdAt: Date;
  uploadedBy: { id: number; username: string; person: { name: string } | null } | null;
}): EvidenceItem {
  return {
    id: row.id,
    measureId: row.measureId,
    progressUpdateId: row.progressUpdateId,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: toUserRef(row.uploadedBy),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The name as the user's machine gave it, without any folder part or control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  return base.replace(/\p{Cc}/gu, '').trim().slice(-200);
}

/**
 * A file the evidence store takes (佐证材料, an issued rule, meeting minutes): named, not empty, at
 * most 20 MB, of an allowed type by its content and agreeing with its name. 400 / 413 / 415 otherwise.
 */
export function acceptEvidenceFile(rawName: string, bytes: Buffer): { fileName: string; mime: string } {
  const fileName = cleanFileName(rawName);
  if (!fileName) throw validationFailed('file', 'fileName');
  if (bytes.length === 0) throw new AppError(400, 'FILE_MISSING', { fileName });
  if (bytes.length > EVIDENCE_MAX_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', { fileName, maxBytes: EVIDENCE_MAX_BYTES });
  const check = checkEvidenceFile(fileName, bytes);
  if (!check.ok) {
    const expected = check.detected && check.detected !== 'ole2' ? evidenceExtensions[check.detected] : check.detected === 'ole2' ? ['doc', 'xls'] : [];
    throw new AppError(415, check.reason === 'mismatch' ? 'FILE_TYPE_MISMATCH' : 'FILE_TYPE_NOT_ALLOWED', {
      fileName,
      extension: check.extension,
      detected: check.detected,
      expectedExtensions: expected,
    });
  }
  return { fileName, mime: check.mime };
}

/** 佐证材料: checked by content, stored by hash, listed on the measure, downloadable by readers. */
export function createEvidenceService({ db, store }: { db: Db; store: EvidenceStore }) {
  return {
    /** Refuses early (before the file is read) when the actor may not add evidence to the measure. */
    async precheck(measureId: number, actor: RequestActor): Promise<void> {
      await db.$transaction((tx) => guardMeasure(tx, measureId, actor, 'measure.progress'));
    },

    /**
     * `followUp`: the file is a 回头看's evidence (its item, and the check that the actor may record
     * it, in place of the measure's progress right: the measure is closed).
     */
    async add(
      measureId: number,
      rawName: string,
      bytes: Buffer,
      actor: RequestActor,
      progressUpdateId: number | null = null,
      followUp: { itemId: number; guard: (tx: Tx) => Promise<void> } | null = null,
    ): Promise<EvidenceItem> {
      const { fileName, mime } = acceptEvidenceFile(rawName, bytes);
      const sha256 = await store.put(bytes);
      const row = await db.$transaction(async (tx) => {
        if (followUp) await followUp.guard(tx);
        else await guardMeasure(tx, measureId, actor, 'measure.progress');
        if (progressUpdateId !== null) {
          const update = await tx.progressUpdate.findUnique({ where: { id: progressUpdateId }, select: { measureId: true } });
          if (!update || update.measureId !== measureId) throw invalidReference('progressUpdateId', progressUpdateId);
        }
        const created = await tx.evidence.create({
          data: { measureId, progressUpdateId, followUpItemId: followUp?.itemId ?? null, fileName, mimeType: mime, size: bytes.length, sha256, uploadedByUserId: actor.userId },
          include: evidenceInclude,
        });
        await audit(tx, actor, 'evidence', created.id, 'create', null, { fileName, mimeType: mime, size: bytes.length, sha256, progressUpdateId, ...(followUp ? { followUpItemId: followUp.itemId } : {}) }, { measureId });
        return created;
      });
      return toEvidence(row);
    },

    async list(measureId: number): Promise<EvidenceItem[]> {
      const measure = await db.measure.findUnique({ where: { id: measureId }, select: { id: true } });
      if (!measure) throw notFound('measure', measureId);
      const rows = await db.evidence.findMany({ where: { measureId }, include: evidenceInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map(toEvidence);
    },

    async file(id: number) {
      const row = await db.evidence.findUnique({ where: { id } });
      const stream = row ? await store.open(row.sha256) : null;
      if (!row || !stream) throw notFound('evidence', id);
      return { fileName: row.fileName, mimeType: row.mimeType, size: row.size, stream };
    },
  };
}
