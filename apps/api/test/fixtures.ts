import type { LightMyRequestResponse } from 'fastify';
import type { MeasureDetail, RoundTree } from '@rectify/domain';
import type { TestApi } from './harness.js';
import { DEMO_PASSWORD } from '../src/modules/auth/demo-accounts.js';

export const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipart(fileName: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = `----rectify${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    'utf8',
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const files = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake png body')]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake')]),
  docx: () => Buffer.from('PK\u0003\u0004\u0014\u0000[Content_Types].xml...PK\u0003\u0004word/document.xml...', 'latin1'),
  xlsx: () => Buffer.from('PK\u0003\u0004\u0014\u0000[Content_Types].xml...PK\u0003\u0004xl/workbook.xml...', 'latin1'),
  doc: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64), Buffer.from('WordDocument', 'utf16le')]),
  exe: () => Buffer.from('MZ\u0090\u0000 not an evidence file', 'latin1'),
};

export interface World {
  /** The person of the `leader` account (leads the demo round's open measure). */
  leaderPersonId: number;
  /** The department of the `officer` account's person (that measure's lead department). */
  officerDepartmentId: number;
  /** The person of the `officer` account. */
  officerPersonId: number;
  /** Another department, nobody's of the demo accounts. */
  otherDepartmentId: number;
  organizationId: number;
  problemId: number;
  userIds: Record<string, number>;
}

export async function world(api: TestApi): Promise<World> {
  const me = async (u: string) => json<{ user: { id: number; person: { id: number; department: { id: number } | null } | null } }>(await api.as(u, { method: 'GET', url: '/api/auth/me' })).user;
  const leader = await me('leader');
  const officer = await me('officer');
  const userIds: Record<string, number> = {};
  for (const u of ['admin', 'supervisor', 'office', 'leader', 'officer', 'inspector']) userIds[u] = (await me(u)).id;
  const tree = json<RoundTree>(await api.as('admin', { method: 'GET', url: `/api/rounds/${api.roundId}/tree` }));
  const departments = json<{ id: number; organizationId: number }[]>(await api.as('admin', { method: 'GET', url: '/api/departments' }));
  const officerDepartmentId = officer.person!.department!.id;
  const other = departments.find((d) => d.id !== officerDepartmentId)!;
  return {
    leaderPersonId: leader.person!.id,
    officerDepartmentId,
    officerPersonId: officer.person!.id,
    otherDepartmentId: other.id,
    organizationId: other.organizationId,
    problemId: tree.categories[0]!.problems[0]!.id,
    userIds,
  };
}

/** Test-data builders, all acting as admin. */
export function builders(api: TestApi, w: World) {
  let n = 0;
  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    api.as('admin', { method, url, payload: payload as object });
  const ok = async <T>(res: Promise<LightMyRequestResponse>): Promise<T> => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`fixture failed: ${r.statusCode} ${r.body}`);
    return json<T>(r);
  };
  const b = {
    unique: (prefix: string) => `${prefix}${++n}${Math.random().toString(36).slice(2, 6)}`,
    /** A measure led by the leader account's person, its lead department the officer's. */
    measure: (fields: Record<string, unknown> = {}) =>
      ok<MeasureDetail>(admin('POST', '/api/measures', {
        problemId: w.problemId,
        text: `测试措施${++n}`,
        deadline: '2023-09-30',
        leaderId: w.leaderPersonId,
        leadDepartmentId: w.officerDepartmentId,
        ...fields,
      })),
    evidence: (measureId: number) => {
      const m = multipart('证明材料.pdf', files.pdf());
      return ok<{ id: number }>(api.as('admin', { method: 'POST', url: `/api/measures/${measureId}/evidence`, ...m }));
    },
    /** A measure (of these fields) with evidence, submitted for closure; the closure request. */
    pending: async (fields: Record<string, unknown> = {}) => {
      const m = await b.measure(fields);
      await b.evidence(m.id);
      const closure = await ok<{ id: number; version: number }>(admin('POST', `/api/measures/${m.id}/closure`, { summary: '已完成整改' }));
      return { measure: m, closure };
    },
    /** A measure with a pending 延期 request (asked by the officer); the request. */
    postponement: async () => {
      const m = await b.measure();
      const p = await ok<{ id: number; version: number }>(api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/postponements`, payload: { requestedDeadline: '2023-12-31', reason: '需协调第三方' } }));
      return { measure: m, postponement: p };
    },
    closed: async (fields: Record<string, unknown> = {}) => {
      const p = await b.pending(fields);
      await ok(admin('POST', `/api/closures/${p.closure.id}/approve`, {}));
      return p.measure;
    },
    /** A 回头看 of one freshly closed measure (of these fields; reviewer: the given person, else the leader's); the review and its item. */
    followUp: async (reviewerId: number | null = w.leaderPersonId, fields: Record<string, unknown> = {}) => {
      const m = await b.closed(fields);
      const review = await ok<{ id: number; version: number; items: { id: number; version: number; measure: { id: number } }[] }>(
        admin('POST', `/api/rounds/${api.roundId}/follow-ups`, { scheduledOn: '2023-12-01', reviewerId, scope: 'measures', measureIds: [m.id] }),
      );
      return { measure: m, review, item: review.items[0]! };
    },
    round: () => ok<{ id: number; version: number }>(admin('POST', '/api/rounds', { committee: '测试委员会', roundName: '第九轮', groupName: '第一巡察组', inspectedUnitId: w.organizationId })),
    category: async () => ok<{ id: number; version: number }>(admin('POST', '/api/categories', { roundId: api.roundId, title: b.unique('测试方面') })),
    problem: async () => ok<{ id: number; version: number }>(admin('POST', '/api/problems', { categoryId: (await b.category()).id, title: b.unique('测试问题') })),
    manifestation: async () => ok<{ id: number; version: number }>(admin('POST', '/api/manifestations', { problemId: (await b.problem()).id, text: b.unique('测试表现') })),
    department: () => ok<{ id: number; version: number }>(admin('POST', '/api/departments', { organizationId: w.organizationId, name: b.unique('测试股') })),
    person: () => ok<{ id: number; version: number }>(admin('POST', '/api/people', { organizationId: w.organizationId, name: b.unique('测试人') })),
    user: () => ok<{ id: number; version: number }>(admin('POST', '/api/users', { username: b.unique('user'), password: 'password-1234', role: 'inspector' })),
    /** A rule of the demo round, linked to a fresh measure, with its document attached. */
    regulation: async () => {
      const m = await b.measure();
      const r = await ok<{ id: number; version: number }>(admin('POST', `/api/rounds/${api.roundId}/regulations`, { title: b.unique('《测试管理办法》'), measureIds: [m.id] }));
      return ok<{ id: number; version: number }>(api.as('admin', { method: 'POST', url: `/api/regulations/${r.id}/file?version=${r.version}`, ...multipart('制度.pdf', files.pdf()) }));
    },
    /** A new person of the unit in the demo round's leading group. */
    leadingGroupMember: async () => ok<{ id: number; version: number }>(admin('POST', `/api/rounds/${api.roundId}/leading-group`, { personId: (await b.person()).id, role: 'member' })),
    meeting: () => ok<{ id: number; version: number }>(admin('POST', `/api/rounds/${api.roundId}/meetings`, { type: 'special', date: '2023-05-10', topic: b.unique('整改推进专题会') })),
    /** An opinion on the demo round's public page (switched on if it is not), sent from an address of its own (the per-address limit). */
    opinion: async (fields: Record<string, unknown> = {}) => {
      const token = await publicToken(api, api.roundId);
      await ok(api.as(null, { method: 'POST', url: `/api/public/${token}/opinions`, payload: { content: b.unique('群众意见'), ...fields }, remoteAddress: `10.1.${Math.floor(n / 250)}.${(n % 250) + 1}` }));
      const row = await api.db.publicOpinion.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { id: true, version: true } });
      return row;
    },
    notification: async (userId: number) =>
      api.db.notification.create({ data: { userId, kind: 'overdue', title: '测试', text: '测试提醒', dedupeKey: b.unique('test:') } }),
  };
  return b;
}

/** The round's public page switched on (as admin); its token. */
export async function publicToken(api: TestApi, roundId: number): Promise<string> {
  const page = json<{ enabled: boolean; token: string | null; version: number }>(await api.as('admin', { method: 'GET', url: `/api/rounds/${roundId}/public-page` }));
  if (page.enabled && page.token) return page.token;
  const res = await api.as('admin', { method: 'PATCH', url: `/api/rounds/${roundId}/public-page`, payload: { enabled: true, version: page.version } });
  if (res.statusCode !== 200) throw new Error(`fixture failed: ${res.statusCode} ${res.body}`);
  return json<{ token: string }>(res).token;
}

/** Counts and versions that any write would move: a refused request must leave them as they were. */
export async function fingerprint(api: TestApi) {
  const db = api.db;
  const [audit, measures, categories, problems, manifestations, people, departments, rounds, users, closures, evidence, updates, unread, mv, uv, rv, cv, shareLinks, revokedLinks] =
    await Promise.all([
      db.auditLog.count(),
      db.measure.count(),
      db.category.count(),
      db.problem.count(),
      db.manifestation.count(),
      db.person.count(),
      db.department.count(),
      db.inspectionRound.count(),
      db.user.count(),
      db.closureRequest.count(),
      db.evidence.count(),
      db.progressUpdate.count(),
      db.notification.count({ where: { readAt: null } }),
      db.measure.aggregate({ _sum: { version: true } }),
      db.user.aggregate({ _sum: { version: true } }),
      db.inspectionRound.aggregate({ _sum: { version: true } }),
      db.closureRequest.aggregate({ _sum: { version: true } }),
      db.shareLink.count(),
      db.shareLink.count({ where: { revokedAt: { not: null } } }),
    ]);
  const [postponements, pv, notices, followUps, followUpItems, fv, fiv, regulations, links, regv, meetings, meetv, groupMembers, gv, opinions, ov, pages, pgv] = await Promise.all([
    db.postponement.count(), db.postponement.aggregate({ _sum: { version: true } }), db.supervisionNotice.count(),
    db.followUp.count(), db.followUpItem.count(), db.followUp.aggregate({ _sum: { version: true } }), db.followUpItem.aggregate({ _sum: { version: true } }),
    db.regulation.count(), db.regulationMeasure.count(), db.regulation.aggregate({ _sum: { version: true } }), db.meeting.count(), db.meeting.aggregate({ _sum: { version: true } }),
    db.leadingGroupMember.count(), db.leadingGroupMember.aggregate({ _sum: { version: true } }),
    db.publicOpinion.count(), db.publicOpinion.aggregate({ _sum: { version: true } }), db.publicPage.count(), db.publicPage.aggregate({ _sum: { version: true } }),
  ]);
  return {
    audit, measures, categories, problems, manifestations, people, departments, rounds, users, closures, evidence, updates, unread, shareLinks, revokedLinks, postponements, notices,
    followUps, followUpItems, regulations, links, meetings, groupMembers, opinions, pages,
    versions: [mv._sum.version, uv._sum.version, rv._sum.version, cv._sum.version, pv._sum.version, fv._sum.version, fiv._sum.version, regv._sum.version, meetv._sum.version, gv._sum.version, ov._sum.version, pgv._sum.version],
  };
}

/** Another inspected unit with a round of its own and a row of every kind, built by admin through the API. */
export interface OtherUnit {
  organizationId: number;
  ids: Partial<Record<'round' | 'category' | 'problem' | 'manifestation' | 'measure' | 'closure' | 'postponement' | 'supervisionNotice' | 'followUp' | 'followUpItem' | 'reportSubmission' | 'evidence' | 'regulation' | 'meeting' | 'leadingGroupMember' | 'shareLink' | 'publicOpinion' | 'organization' | 'department' | 'person', number>>;
  measureVersion: number;
  /** The other unit's office account (username). */
  office: string;
}

export async function otherUnit(api: TestApi, name = '城中区测试另一单位'): Promise<OtherUnit> {
  const ok = async <T>(res: Promise<LightMyRequestResponse>): Promise<T> => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`fixture failed: ${r.statusCode} ${r.body}`);
    return json<T>(r);
  };
  const admin = (method: 'POST' | 'PATCH', url: string, payload: unknown) => ok<{ id: number; version: number }>(api.as('admin', { method, url, payload: payload as object }));
  const org = await admin('POST', '/api/organizations', { name, unitType: 'town' });
  const department = await admin('POST', '/api/departments', { organizationId: org.id, name: '党政办' });
  const person = await admin('POST', '/api/people', { organizationId: org.id, name: '另一人', departmentId: department.id });
  const round = await admin('POST', '/api/rounds', { committee: '中共城中区十一届委员会', roundName: '第四轮', groupName: '第二巡察组', inspectedUnitId: org.id, feedbackDate: '2023-07-01' });
  const category = await admin('POST', '/api/categories', { roundId: round.id, title: '另一单位的方面' });
  const problem = await admin('POST', '/api/problems', { categoryId: category.id, title: '另一单位的问题' });
  const manifestation = await admin('POST', '/api/manifestations', { problemId: problem.id, text: '另一单位的表现' });
  const measure = await admin('POST', '/api/measures', { problemId: problem.id, text: '另一单位的措施', deadline: '2023-08-01', leaderId: person.id, leadDepartmentId: department.id });
  const evidence = await ok<{ id: number }>(api.as('admin', { method: 'POST', url: `/api/measures/${measure.id}/evidence`, ...multipart('另一单位.pdf', files.pdf()) }));
  const closureMeasure = await admin('POST', '/api/measures', { problemId: problem.id, text: '另一单位待销号的措施', deadline: '2023-09-01', leaderId: person.id, leadDepartmentId: department.id });
  await ok(api.as('admin', { method: 'POST', url: `/api/measures/${closureMeasure.id}/evidence`, ...multipart('佐证.pdf', files.pdf()) }));
  const closure = await admin('POST', `/api/measures/${closureMeasure.id}/closure`, { summary: '已完成' });
  const postponement = await admin('POST', `/api/measures/${closureMeasure.id}/postponements`, { requestedDeadline: '2023-12-31', reason: '需要更多时间' });
  const notice = await admin('POST', `/api/rounds/${round.id}/supervision-notices`, { measureIds: [measure.id] });
  // A closed measure under a 回头看.
  const reviewed = await admin('POST', '/api/measures', { problemId: problem.id, text: '另一单位已销号的措施', deadline: '2023-08-15', leaderId: person.id, leadDepartmentId: department.id });
  await ok(api.as('admin', { method: 'POST', url: `/api/measures/${reviewed.id}/evidence`, ...multipart('佐证.pdf', files.pdf()) }));
  const reviewedClosure = await admin('POST', `/api/measures/${reviewed.id}/closure`, { summary: '已完成' });
  await admin('POST', `/api/closures/${reviewedClosure.id}/approve`, {});
  const followUp = await ok<{ id: number; items: { id: number }[] }>(
    api.as('admin', { method: 'POST', url: `/api/rounds/${round.id}/follow-ups`, payload: { scheduledOn: '2023-12-01', reviewerId: person.id, scope: 'round' } }),
  );
  const link = await admin('POST', `/api/rounds/${round.id}/share-links`, { label: '另一单位', expiresOn: '2023-09-30' });
  const report = json<{ submissions: { id: number }[] }>(await api.as('admin', { method: 'POST', url: `/api/rounds/${round.id}/report-submissions`, payload: { note: '另一单位报送' } }));
  const regulation = await admin('POST', `/api/rounds/${round.id}/regulations`, { title: '《另一单位的管理办法》', documentNumber: '另发〔2023〕1号', measureIds: [measure.id] });
  await ok(api.as('admin', { method: 'POST', url: `/api/regulations/${regulation.id}/file?version=${regulation.version}`, ...multipart('另一单位制度.pdf', files.pdf()) }));
  const meeting = await admin('POST', `/api/rounds/${round.id}/meetings`, { type: 'party_group', date: '2023-07-10', topic: '另一单位的党组会' });
  await ok(api.as('admin', { method: 'POST', url: `/api/meetings/${meeting.id}/file?version=${meeting.version}`, ...multipart('另一单位纪要.pdf', files.pdf()) }));
  const token = await publicToken(api, round.id);
  await ok(api.as(null, { method: 'POST', url: `/api/public/${token}/opinions`, payload: { content: '另一单位的群众意见', rating: 'dissatisfied' }, remoteAddress: '10.9.9.9' }));
  const opinion = await api.db.publicOpinion.findFirstOrThrow({ where: { roundId: round.id }, select: { id: true } });
  const member = await admin('POST', `/api/rounds/${round.id}/leading-group`, { personId: person.id, role: 'head' });
  const office = `office-${org.id}`;
  await admin('POST', '/api/users', { username: office, password: DEMO_PASSWORD, role: 'office', organizationId: org.id });
  const current = await api.db.measure.findUniqueOrThrow({ where: { id: measure.id }, select: { version: true } });
  return {
    organizationId: org.id,
    ids: {
      round: round.id, category: category.id, problem: problem.id, manifestation: manifestation.id, measure: measure.id, closure: closure.id,
      evidence: evidence.id, regulation: regulation.id, meeting: meeting.id, leadingGroupMember: member.id, postponement: postponement.id, supervisionNotice: notice.id, followUp: followUp.id, followUpItem: followUp.items[0]!.id, reportSubmission: report.submissions[0]!.id, shareLink: link.id, publicOpinion: opinion.id, organization: org.id, department: department.id, person: person.id,
    },
    measureVersion: current.version,
    office,
  };
}
