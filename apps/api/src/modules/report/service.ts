import type { ReportData } from '@rectify/documents';
import { loadDocuments } from '../../lib/documents.js';
import type { ReportTexts, ReportTextsUpdate } from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { audited } from '../../lib/audited.js';
import type { AuditActor } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { PdfPrinter } from '../../lib/pdf.js';
import type { RoundService } from '../rounds/service.js';
import { followUpFigures } from '../follow-ups/repository.js';

/**
 * The published report (整改情况通报): its editable texts are stored per round; everything else,
 * the counts above all, is computed from the data at the moment it is rendered.
 */
export function createReportService({ db, clock, rounds, printer }: { db: Db; clock: Clock; rounds: RoundService; printer: PdfPrinter }) {
  const textSelect = { id: true, reportOpening: true, reportNextSteps: true, reportContact: true, reportDate: true, version: true } as const;

  async function texts(roundId: number): Promise<ReportTexts> {
    const row = await db.inspectionRound.findUnique({ where: { id: roundId }, select: textSelect });
    if (!row) throw notFound('round', roundId);
    return { roundId: row.id, opening: row.reportOpening, nextSteps: row.reportNextSteps, contact: row.reportContact, reportDate: row.reportDate, version: row.version };
  }

  async function data(roundId: number): Promise<ReportData> {
    const [tree, records, t, followUp] = await Promise.all([rounds.tree(roundId), rounds.records(roundId), texts(roundId), followUpFigures(db, roundId)]);
    return {
      issuingUnit: tree.round.inspectedUnit.name,
      round: tree.round,
      tree,
      records,
      texts: { opening: t.opening, nextSteps: t.nextSteps, contact: t.contact },
      date: t.reportDate ?? clock.today(),
      followUp,
    };
  }

  return {
    texts,
    async updateTexts(roundId: number, { version, ...fields }: ReportTextsUpdate, actor: AuditActor): Promise<ReportTexts> {
      const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim());
      await audited(db, actor).update(
        'round',
        roundId,
        version,
        (tx) => tx.inspectionRound.findUnique({ where: { id: roundId }, select: textSelect }),
        (tx, where) =>
          tx.inspectionRound.updateMany({
            where,
            data: {
              reportOpening: blankToNull(fields.opening),
              reportNextSteps: blankToNull(fields.nextSteps),
              reportContact: blankToNull(fields.contact),
              reportDate: fields.reportDate,
              version: { increment: 1 },
            },
          }),
      );
      return texts(roundId);
    },
    async model(roundId: number) {
      const { buildReportModel } = await loadDocuments();
      return buildReportModel(await data(roundId));
    },
    async docx(roundId: number): Promise<Buffer> {
      const { buildReportModel, renderReportDocx } = await loadDocuments();
      return renderReportDocx(buildReportModel(await data(roundId)));
    },
    async html(roundId: number): Promise<string> {
      const { buildReportModel, renderReportHtml } = await loadDocuments();
      return renderReportHtml(buildReportModel(await data(roundId)));
    },
    async pdf(roundId: number): Promise<Buffer> {
      const html = await this.html(roundId);
      if (!printer.available()) throw new AppError(503, 'PDF_UNAVAILABLE');
      return printer.print(html);
    },
  };
}
