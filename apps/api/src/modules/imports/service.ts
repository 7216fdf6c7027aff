import { meetingTypeLabels, newMeasureDeadline, type AuditEntity, type RoundScope, type RoundWithTotals, type TextImportConfirm, type TextImportPreviewResult } from '@rectify/domain';
import type { Db } from '@rectify/db';
import { loadDocuments } from '../../lib/documents.js';
import { audit, type AuditActor } from '../../lib/audit.js';
import { AppError, archiveRefused, invalidReference } from '../../lib/errors.js';
import type { RoundService } from '../rounds/service.js';

/** Import from text: a published report or feedback text → a hierarchy to review → a new round. */
export function createTextImportService({ db, rounds }: { db: Db; rounds: RoundService }) {
  return {
    async preview(text: string): Promise<TextImportPreviewResult> {
      const { parseReportText } = await loadDocuments();
      return parseReportText(text);
    },

    async previewDocument(bytes: Buffer, fileName: string | null): Promise<TextImportPreviewResult> {
      const { docxToText, parseReportText, pdfToText, UnreadableDocumentError, UnsafeArchiveError } = await loadDocuments();
      // What the bytes are decides, the name only breaks a tie: a .pdf renamed .txt is still a PDF.
      const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-' || (fileName !== null && /\.pdf$/i.test(fileName));
      const isZip = bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'));
      const isText = !isPdf && (fileName ? /\.txt$/i.test(fileName) : !isZip);
      if (isText) {
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
        if (text.includes('\uFFFD') || text.includes('\u0000')) {
          throw new AppError(400, 'INVALID_FILE', { reason: 'NOT_UTF8' }, { 'zh-CN': '文本文件须为 UTF-8 编码', en: 'A text file must be UTF-8 encoded' });
        }
        return parseReportText(text);
      }
      try {
        // .docx goes through the archive guard (zip bombs) inside docxToText; a PDF is no archive.
        return parseReportText(isPdf ? await pdfToText(bytes) : await docxToText(bytes));
      } catch (error) {
        if (error instanceof UnsafeArchiveError) throw archiveRefused(error);
        if (error instanceof UnreadableDocumentError) {
          throw new AppError(400, 'INVALID_FILE', { reason: error.code }, { 'zh-CN': error.messageZh, en: error.messageEn });
        }
        throw error;
      }
    },

    /** Creates the round and its hierarchy in one transaction. */
    async confirm(body: TextImportConfirm, actor: AuditActor, scope: RoundScope): Promise<RoundWithTotals> {
      const r = body.round;
      // A unit's office imports into its own unit, whatever the text calls it; admin and the
      // supervising office name the unit (found, or created, by its name).
      if (scope.kind === 'granted' || (scope.kind === 'unit' && scope.organizationId === null)) throw invalidReference('round.inspectedUnit', 0);
      const roundId = await db.$transaction(
        async (tx) => {
          const unitName = r.inspectedUnit.trim();
          const unit =
            scope.kind === 'unit' && scope.organizationId !== null
              ? { id: scope.organizationId }
              : ((await tx.organization.findUnique({ where: { name: unitName }, select: { id: true } })) ??
                (await tx.organization.create({ data: { name: unitName }, select: { id: true } })));
          const round = await tx.inspectionRound.create({
            data: {
              committee: r.committee.trim(),
              roundName: r.roundName.trim(),
              groupName: r.groupName.trim(),
              inspectedUnitId: unit.id,
              inspectionStart: r.inspectionStart ?? null,
              inspectionEnd: r.inspectionEnd ?? null,
              feedbackDate: r.feedbackDate ?? null,
              rectificationDeadline: r.rectificationDeadline ?? null,
              reportDate: r.reportDate ?? null,
              reportOpening: r.opening ?? null,
              reportNextSteps: r.nextSteps ?? null,
              reportContact: r.contact ?? null,
            },
          });
          await audit(tx, actor, 'round', round.id, 'create', null, round);
          // Row by row, so that each new row has its audit record like any other write.
          const create = async <T extends { id: number }>(entity: AuditEntity, write: Promise<T>) => {
            const row = await write;
            await audit(tx, actor, entity, row.id, 'create', null, row);
            return row;
          };
          for (const [ci, c] of body.categories.entries()) {
            const category = await create('category', tx.category.create({ data: { roundId: round.id, ordinal: ci + 1, title: c.title.trim() } }));
            for (const [pi, p] of c.problems.entries()) {
              const problem = await create('problem', tx.problem.create({ data: { categoryId: category.id, roundId: round.id, ordinal: pi + 1, title: p.title.trim() } }));
              for (const [i, text] of (p.manifestations ?? []).entries()) {
                await create('manifestation', tx.manifestation.create({ data: { problemId: problem.id, ordinal: i + 1, text: text.trim() } }));
              }
              for (const [i, text] of p.measures.entries()) {
                await create('measure', tx.measure.create({ data: { problemId: problem.id, roundId: round.id, ordinal: i + 1, text: text.trim(), deadline: newMeasureDeadline(undefined, round.rectificationDeadline) } }));
              }
            }
          }
          // The registers, as far as the text names them: each rule by its title, each meeting by its type.
          for (const title of new Set((body.regulations ?? []).map((t) => t.trim()))) {
            await create('regulation', tx.regulation.create({ data: { roundId: round.id, title } }));
          }
          for (const { type, count } of body.meetings ?? []) {
            for (let i = 0; i < count; i++) {
              await create('meeting', tx.meeting.create({ data: { roundId: round.id, type, topic: meetingTypeLabels[type]['zh-CN'] } }));
            }
          }
          await audit(tx, actor, 'round', round.id, 'import', null, null, {
            extra: {
              text: {
                categories: body.categories.length,
                problems: body.categories.reduce((n, c) => n + c.problems.length, 0),
                measures: body.categories.reduce((n, c) => n + c.problems.reduce((m, p) => m + p.measures.length, 0), 0),
              },
            },
          });
          return round.id;
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      return rounds.get(roundId);
    },
  };
}
