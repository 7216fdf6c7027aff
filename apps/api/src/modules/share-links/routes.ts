import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CreatedShareLink,
  IdParams,
  RoundRecords,
  RoundSummary,
  RoundTree,
  RoundWithTotals,
  ShareLink,
  ShareLinkCreate,
  ShareTokenParams,
} from '@rectify/domain';
import { actorOf } from '../../plugins/auth.js';
import { attachment } from '../../lib/download.js';
import { chromiumPrinter, type PdfPrinter } from '../../lib/pdf.js';
import { errors } from '../../lib/route-schemas.js';
import { createLedgerService } from '../ledger/service.js';
import { createReportService } from '../report/service.js';
import { createRoundService } from '../rounds/service.js';
import { createShareLinkService } from './service.js';

const tags = ['share'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Share links: the office makes and revokes them; whoever holds one reads one round — its
 * dashboard, tree and documents — with no account. The /api/share/:token routes are public and
 * the token is the whole authorisation, checked on every request.
 */
export const shareLinkRoutes: FastifyPluginAsyncTypebox<{ printer?: PdfPrinter }> = async (app, options) => {
  const links = createShareLinkService({ db: app.db, clock: app.clock });
  const rounds = createRoundService({ db: app.db, clock: app.clock });
  const ledger = createLedgerService({ db: app.db, clock: app.clock });
  const report = createReportService({ db: app.db, clock: app.clock, rounds, printer: options.printer ?? chromiumPrinter() });

  app.get('/api/rounds/:id/share-links', {
    config: { access: 'hierarchy.write', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '分享链接列表 Share links of a round, with who made them', params: IdParams, response: { 200: Type.Array(ShareLink), ...errors.read } },
    handler: (r) => links.list(r.params.id),
  });
  app.post('/api/rounds/:id/share-links', {
    config: { access: 'hierarchy.write', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '新建只读分享链接 Create a read-only link (the token is shown once)', params: IdParams, body: ShareLinkCreate, response: { 201: CreatedShareLink, ...errors.write } },
    handler: async (r, reply) => reply.status(201).send(await links.create(r.params.id, r.body, actorOf(r))),
  });
  app.post('/api/share-links/:id/revoke', {
    config: { access: 'hierarchy.write', scope: { params: { id: 'shareLink' } } },
    schema: { tags, summary: '撤销分享链接 Revoke a share link', params: IdParams, response: { 200: ShareLink, ...errors.write } },
    handler: (r) => links.revoke(r.params.id, actorOf(r)),
  });

  const shared = { config: { access: 'public' as const } };
  const notFound = { 404: Type.Ref('ErrorResponse'), 400: Type.Ref('ErrorResponse') };

  app.get('/api/share/:token', {
    ...shared,
    schema: { tags, summary: '分享：轮次 The shared round', params: ShareTokenParams, response: { 200: Type.Object({ label: Type.String(), expiresAt: Type.String(), round: RoundWithTotals }), ...notFound } },
    handler: async (r) => {
      const link = await links.resolve(r.params.token);
      return { label: link.label, expiresAt: link.expiresAt, round: await rounds.get(link.roundId) };
    },
  });
  app.get('/api/share/:token/summary', {
    ...shared,
    schema: { tags, summary: '分享：整改进度汇总 Summary of the shared round', params: ShareTokenParams, response: { 200: RoundSummary, ...notFound } },
    handler: async (r) => rounds.summary((await links.resolve(r.params.token)).roundId),
  });
  app.get('/api/share/:token/tree', {
    ...shared,
    schema: { tags, summary: '分享：整改层级树 Tree of the shared round', params: ShareTokenParams, response: { 200: RoundTree, ...notFound } },
    handler: async (r) => rounds.tree((await links.resolve(r.params.token)).roundId),
  });
  app.get('/api/share/:token/records', {
    ...shared,
    schema: { tags, summary: '分享：建章立制、会议、领导小组 Records of the shared round', params: ShareTokenParams, response: { 200: RoundRecords, ...notFound } },
    handler: async (r) => rounds.records((await links.resolve(r.params.token)).roundId),
  });
  app.get('/api/share/:token/ledger.xlsx', {
    ...shared,
    schema: { tags, summary: '分享：整改台账 Ledger of the shared round', params: ShareTokenParams, produces: [XLSX], response: { 200: Type.String(), ...notFound } },
    handler: async (r, reply) => {
      const { roundId } = await links.resolve(r.params.token);
      const name = `${await ledger.title(roundId)}整改台账.xlsx`;
      const out = new PassThrough();
      ledger.writeXlsx(roundId, {}, out).catch((error) => out.destroy(error as Error));
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(out);
    },
  });
  app.get('/api/share/:token/report.docx', {
    ...shared,
    schema: { tags, summary: '分享：整改情况通报（Word）', params: ShareTokenParams, produces: [DOCX], response: { 200: Type.String(), ...notFound } },
    handler: async (r, reply) => {
      const { roundId } = await links.resolve(r.params.token);
      const round = await rounds.get(roundId);
      return reply.type(DOCX).header('content-disposition', attachment(`${round.inspectedUnit.name}巡察整改情况通报.docx`)).send(await report.docx(roundId));
    },
  });
  app.get('/api/share/:token/report.pdf', {
    ...shared,
    schema: { tags, summary: '分享：整改情况通报（PDF）', params: ShareTokenParams, produces: ['application/pdf'], response: { 200: Type.String(), ...notFound, 503: Type.Ref('ErrorResponse') } },
    handler: async (r, reply) => {
      const { roundId } = await links.resolve(r.params.token);
      const round = await rounds.get(roundId);
      return reply.type('application/pdf').header('content-disposition', attachment(`${round.inspectedUnit.name}巡察整改情况通报.pdf`)).send(await report.pdf(roundId));
    },
  });
};
