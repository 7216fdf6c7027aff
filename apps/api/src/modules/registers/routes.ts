import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  Deleted,
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  IdParams,
  LeadingGroupCreate,
  LeadingGroupMember,
  LeadingGroupUpdate,
  Meeting,
  MeetingCreate,
  MeetingUpdate,
  RegisterFileQuery,
  Regulation,
  RegulationCreate,
  RegulationUpdate,
} from '@rectify/domain';
import { attachment } from '../../lib/download.js';
import { AppError } from '../../lib/errors.js';
import type { EvidenceStore } from '../../lib/evidence-store.js';
import { DeleteQuery, errors } from '../../lib/route-schemas.js';
import { readMultipartFile } from '../../lib/upload.js';
import { actorOf } from '../../plugins/auth.js';
import { createRegisterService } from './service.js';

const tags = ['registers'];
const read = { access: 'read' as const };
/** The registers are the office's, as the hierarchy is. */
const write = { access: 'hierarchy.write' as const };
const upload = `multipart/form-data, one field "file"; ${EVIDENCE_ACCEPT}; ≤ 20 MB; checked by content as evidence is; send the version read`;

/** 建章立制 and 会议: per round, listed, added, edited, removed, each with one file in the evidence store. */
export const registerRoutes: FastifyPluginAsyncTypebox<{ store: EvidenceStore }> = async (app, { store }) => {
  const registers = createRegisterService({ db: app.db, store });

  app.get('/api/rounds/:id/regulations', { config: { ...read, scope: { params: { id: 'round' } } }, schema: { tags, summary: '建章立制 The rules issued in a round, by issue date', params: IdParams, response: { 200: Type.Array(Regulation), ...errors.read } } }, (r) => registers.listRegulations(r.params.id));
  app.post('/api/rounds/:id/regulations', { config: { ...write, scope: { params: { id: 'round' }, body: { measureIds: 'measure' } } }, schema: { tags, summary: '新增制度 Add a rule (title, 文号, issue date, issuing unit, the round’s measures it answers)', params: IdParams, body: RegulationCreate, response: { 201: Regulation, ...errors.write } } }, async (r, reply) => reply.status(201).send(await registers.createRegulation(r.params.id, r.body, actorOf(r))));
  app.get('/api/regulations/:id', { config: { ...read, scope: { params: { id: 'regulation' } } }, schema: { tags, summary: '制度 One rule', params: IdParams, response: { 200: Regulation, ...errors.read } } }, (r) => registers.getRegulation(r.params.id));
  app.patch('/api/regulations/:id', { config: { ...write, scope: { params: { id: 'regulation' }, body: { measureIds: 'measure' } } }, schema: { tags, summary: '修改制度 Update a rule (send the version read; measureIds replaces the links; removeFile drops the file)', params: IdParams, body: RegulationUpdate, response: { 200: Regulation, ...errors.write } } }, (r) => registers.updateRegulation(r.params.id, r.body, actorOf(r)));
  app.delete('/api/regulations/:id', { config: { ...write, scope: { params: { id: 'regulation' } } }, schema: { tags, summary: '删除制度 Remove a rule', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await registers.deleteRegulation(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });

  app.get('/api/rounds/:id/meetings', { config: { ...read, scope: { params: { id: 'round' } } }, schema: { tags, summary: '会议 The meetings held in a round, by date', params: IdParams, response: { 200: Type.Array(Meeting), ...errors.read } } }, (r) => registers.listMeetings(r.params.id));
  app.post('/api/rounds/:id/meetings', { config: { ...write, scope: { params: { id: 'round' } } }, schema: { tags, summary: '新增会议 Add a meeting (type, date, topic, attendees)', params: IdParams, body: MeetingCreate, response: { 201: Meeting, ...errors.write } } }, async (r, reply) => reply.status(201).send(await registers.createMeeting(r.params.id, r.body, actorOf(r))));
  app.get('/api/meetings/:id', { config: { ...read, scope: { params: { id: 'meeting' } } }, schema: { tags, summary: '会议 One meeting', params: IdParams, response: { 200: Meeting, ...errors.read } } }, (r) => registers.getMeeting(r.params.id));
  app.patch('/api/meetings/:id', { config: { ...write, scope: { params: { id: 'meeting' } } }, schema: { tags, summary: '修改会议 Update a meeting (send the version read; removeFile drops the minutes)', params: IdParams, body: MeetingUpdate, response: { 200: Meeting, ...errors.write } } }, (r) => registers.updateMeeting(r.params.id, r.body, actorOf(r)));
  app.delete('/api/meetings/:id', { config: { ...write, scope: { params: { id: 'meeting' } } }, schema: { tags, summary: '删除会议 Remove a meeting', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await registers.deleteMeeting(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });

  app.post('/api/rounds/:id/leading-group', { config: { ...write, scope: { params: { id: 'round' }, body: { personId: 'person' } } }, schema: { tags, summary: '领导小组成员 Add a person of the round’s unit to its leading group (组长 / 副组长 / 成员 / 办公室; 409 when already in it)', params: IdParams, body: LeadingGroupCreate, response: { 201: LeadingGroupMember, ...errors.write } } }, async (r, reply) => reply.status(201).send(await registers.addLeadingGroupMember(r.params.id, r.body, actorOf(r))));
  app.patch('/api/leading-group/:id', { config: { ...write, scope: { params: { id: 'leadingGroupMember' } } }, schema: { tags, summary: '修改领导小组成员 Change a member’s role (send the version read)', params: IdParams, body: LeadingGroupUpdate, response: { 200: LeadingGroupMember, ...errors.write } } }, (r) => registers.updateLeadingGroupMember(r.params.id, r.body, actorOf(r)));
  app.delete('/api/leading-group/:id', { config: { ...write, scope: { params: { id: 'leadingGroupMember' } } }, schema: { tags, summary: '移出领导小组 Remove a member', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await registers.removeLeadingGroupMember(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });

  for (const kind of ['regulation', 'meeting'] as const) {
    const plural = `${kind}s`;
    const label = kind === 'regulation' ? '制度文件 The issued rule' : '会议纪要 The minutes';
    app.post(`/api/${plural}/:id/file`, {
      config: { ...write, scope: { params: { id: kind } } },
      schema: { tags, summary: `上传${label} (${upload}); replaces any earlier file`, consumes: ['multipart/form-data'], params: IdParams, querystring: RegisterFileQuery, response: { 200: kind === 'regulation' ? Regulation : Meeting, ...errors.write } },
      handler: async (request) => {
        // Refuse an unknown row before reading the file.
        if (kind === 'regulation') await registers.getRegulation(request.params.id);
        else await registers.getMeeting(request.params.id);
        const file = await readMultipartFile(request, EVIDENCE_MAX_BYTES);
        if (!file) throw new AppError(400, 'FILE_MISSING');
        return registers.attachFile(kind, request.params.id, request.query.version, file.fileName ?? '', file.bytes, actorOf(request));
      },
    });
    app.get(`/api/${plural}/:id/file`, {
      config: { ...read, scope: { params: { id: kind } } },
      schema: { tags, summary: `下载${label} (Content-Disposition with the original name)`, params: IdParams, response: { ...errors.read } },
      handler: async (request, reply) => {
        const file = await registers.file(kind, request.params.id);
        return reply
          .header('content-type', file.mimeType)
          .header('content-length', file.size)
          .header('content-disposition', attachment(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(file.stream);
      },
    });
  }
};
