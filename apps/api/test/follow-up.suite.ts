import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REOPENED_PROGRESS_MAX, addDays, todayInShanghai, type AuditEntry, type MeasureFollowUp, type FollowUpDetail, type FollowUpItem, type FollowUpOverview, type MeasureDetail, type NotificationList, type RoundTree, type Timeline } from '@rectify/domain';
import { startApi, type TestApi, type TestDatabase } from './harness.js';
import { builders, files, fingerprint, json, multipart, world, type World } from './fixtures.js';

type ErrorBody = { error: { code: string; details?: unknown } };

/**
 * 回头看 (issue 9): the office schedules a follow-up review of closed measures (a round, categories
 * or chosen measures); its reviewer (or the office) records 巩固 or 反弹 per measure with notes and
 * evidence; 反弹 reopens the measure with the review as its reason, tells its owners, and the
 * burn-up, replayed from the dated history, steps down. Today is the real day (the audit's own
 * timestamps and the clock agree).
 */
export function followUpSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`回头看 on ${label}`, () => {
    let api: TestApi;
    let w: World;
    let b: ReturnType<typeof builders>;
    const today = todayInShanghai();
    /** The time limit a reviewer sets for a re-rectification (限期整改). */
    const later = addDays(today, 60);

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db, { today });
      w = await world(api);
      b = builders(api, w);
    });
    afterAll(async () => {
      await api?.close();
    });

    const schedule = (payload: object, user = 'office', roundId = api.roundId) => api.as(user, { method: 'POST', url: `/api/rounds/${roundId}/follow-ups`, payload });
    const record = (itemId: number, payload: object, user = 'office') => api.as(user, { method: 'POST', url: `/api/follow-up-items/${itemId}/result`, payload });
    const code = (res: { body: string }) => json<ErrorBody>(res).error.code;
    const notices = async (user: string) => json<NotificationList>(await api.as(user, { method: 'GET', url: '/api/notifications?limit=100' })).items;

    it('schedules a review of a round, of categories, or of chosen closed measures; refuses what it cannot cover', async () => {
      const tree = json<RoundTree>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/tree` }));
      const closedIn = (categoryIds: number[] | null) =>
        tree.categories.filter((c) => !categoryIds || categoryIds.includes(c.id)).flatMap((c) => c.problems.flatMap((p) => p.measures.filter((m) => m.status === 'closed')));
      const withClosed = tree.categories.find((c) => closedIn([c.id]).length > 0)!;

      const whole = await schedule({ scheduledOn: today, scope: 'round', reviewerId: w.leaderPersonId, note: '半年后回头看' });
      expect(whole.statusCode).toBe(201);
      const round = json<FollowUpDetail>(whole);
      expect(round).toMatchObject({ scope: 'round', scheduledOn: today, reviewer: { id: w.leaderPersonId }, note: '半年后回头看', state: 'due', mayRecord: true });
      expect(round.items.map((i) => i.measure.id).sort()).toEqual(closedIn(null).map((m) => m.id).sort());
      expect(round.counts).toEqual({ total: closedIn(null).length, held: 0, slid: 0, pending: closedIn(null).length });
      // The reviewer's account hears of it.
      expect((await notices('leader')).some((n) => n.kind === 'follow_up_scheduled' && n.text.includes(today))).toBe(true);

      const byCategory = json<FollowUpDetail>(await schedule({ scheduledOn: '2099-01-01', scope: 'categories', categoryIds: [withClosed.id] }));
      expect(byCategory).toMatchObject({ scope: 'categories', categories: [{ id: withClosed.id, title: withClosed.title }], reviewer: null, state: 'scheduled' });
      expect(byCategory.items.map((i) => i.measure.id).sort()).toEqual(closedIn([withClosed.id]).map((m) => m.id).sort());

      const closed = await b.closed();
      const chosen = json<FollowUpDetail>(await schedule({ scheduledOn: '2020-01-01', scope: 'measures', measureIds: [closed.id] }));
      expect(chosen.items).toHaveLength(1);
      expect(chosen).toMatchObject({ state: 'overdue', counts: { total: 1, pending: 1 } });

      const before = await fingerprint(api);
      const open = await b.measure();
      const refusals: [object, number, string][] = [
        [{ scheduledOn: today, scope: 'measures', measureIds: [open.id] }, 409, 'FOLLOW_UP_MEASURE_NOT_CLOSED'],
        [{ scheduledOn: today, scope: 'measures' }, 400, 'VALIDATION_FAILED'],
        [{ scheduledOn: today, scope: 'categories' }, 400, 'VALIDATION_FAILED'],
        [{ scheduledOn: today, scope: 'round', categoryIds: [withClosed.id] }, 400, 'VALIDATION_FAILED'],
        [{ scheduledOn: 'tomorrow', scope: 'round' }, 400, 'VALIDATION_FAILED'],
        [{ scheduledOn: today, scope: 'everything' }, 400, 'VALIDATION_FAILED'],
        [{ scheduledOn: today, scope: 'measures', measureIds: [999_999] }, 400, 'INVALID_REFERENCE'],
        [{ scheduledOn: today, scope: 'round', reviewerId: 999_999 }, 400, 'INVALID_REFERENCE'],
      ];
      const fresh = await b.category();
      refusals.push([{ scheduledOn: today, scope: 'categories', categoryIds: [fresh.id] }, 409, 'FOLLOW_UP_EMPTY']);
      const before2 = await fingerprint(api);
      for (const [payload, status, errorCode] of refusals) {
        const res = await schedule(payload);
        expect({ payload, status: res.statusCode, code: code(res) }).toEqual({ payload, status, code: errorCode });
      }
      expect(await fingerprint(api)).toEqual(before2);
      expect(before2.followUps).toBe(before.followUps);
      // Only the office schedules.
      expect((await schedule({ scheduledOn: today, scope: 'round' }, 'leader')).statusCode).toBe(403);
      expect((await schedule({ scheduledOn: today, scope: 'round' }, 'supervisor')).statusCode).toBe(403);

      // The round's overview counts them.
      const overview = json<FollowUpOverview>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/follow-ups` }));
      expect(overview.reviews.map((r) => r.id)).toEqual(expect.arrayContaining([round.id, byCategory.id, chosen.id]));
      expect(overview.totals).toMatchObject({ reviews: overview.reviews.length, overdue: 1, due: 1, held: 0, slid: 0 });
      expect(overview.totals.pending).toBe(overview.totals.measures);
    });

    it('records 巩固 by the reviewer, once; refuses others; 反弹 reopens the measure, tells its owners and steps the burn-up down', async () => {
      const timeline = async () => json<Timeline>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/timeline` }));
      const last = (t: Timeline) => t.burnUp[t.burnUp.length - 1]!;
      const held = await b.followUp(w.leaderPersonId);
      const slid = await b.followUp(w.leaderPersonId);

      // Not the reviewer: another leader-less review refuses the leader and the officer; reading roles never record.
      const other = await b.followUp(null);
      const before = await fingerprint(api);
      for (const user of ['leader', 'officer']) {
        const res = await record(other.item.id, { result: 'held' }, user);
        expect({ user, status: res.statusCode, code: code(res) }).toEqual({ user, status: 403, code: 'FOLLOW_UP_NOT_REVIEWER' });
      }
      expect((await record(held.item.id, { result: 'held' }, 'officer')).statusCode).toBe(403);
      expect((await record(held.item.id, { result: 'held' }, 'inspector')).statusCode).toBe(403);
      expect((await record(held.item.id, { result: 'held' }, 'supervisor')).statusCode).toBe(403);
      expect((await record(held.item.id, { result: 'maybe' })).statusCode).toBe(400);
      expect((await record(held.item.id, { result: 'held', version: held.item.version + 3 })).statusCode).toBe(409);
      // 反弹 needs a note saying what slid back.
      const bare = await record(slid.item.id, { result: 'slid', note: '  ' });
      expect({ status: bare.statusCode, code: code(bare) }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await fingerprint(api)).toEqual(before);

      const ok = await record(held.item.id, { result: 'held', note: '制度执行到位，未见反弹', version: held.item.version }, 'leader');
      expect(ok.statusCode).toBe(200);
      expect(json<FollowUpItem>(ok)).toMatchObject({ result: 'held', note: '制度执行到位，未见反弹', recordedBy: { id: w.userIds.leader }, measure: { id: held.measure.id, status: 'closed' } });
      const twice = await record(held.item.id, { result: 'slid', note: '再看' });
      expect({ status: twice.statusCode, code: code(twice) }).toEqual({ status: 409, code: 'FOLLOW_UP_ITEM_RECORDED' });
      expect(json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${held.measure.id}` })).status).toBe('closed');

      const beforeSlide = await timeline();
      const res = await record(slid.item.id, { result: 'slid', note: '健身器材再次出现损坏未及时维修', deadline: later }, 'leader');
      expect(res.statusCode).toBe(200);
      expect(json<FollowUpItem>(res)).toMatchObject({ result: 'slid', measure: { status: 'in_progress', completedDate: null } });
      const reopened = json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${slid.measure.id}` }));
      expect(reopened).toMatchObject({ status: 'in_progress', completedDate: null, locked: false, latestClosure: { state: 'reopened', reopenedBy: { id: w.userIds.leader } } });
      // Not finished any more, so not at 100 %: the domain's one reopen rule, as the office's reopen.
      expect(reopened.progress).toBe(REOPENED_PROGRESS_MAX);
      expect(reopened.latestClosure!.reopenReason).toContain('回头看');
      expect(reopened.latestClosure!.reopenReason).toContain('健身器材再次出现损坏未及时维修');
      // The owners hear of it (the officer answers for it through the department, the leader leads it).
      for (const user of ['officer', 'leader']) expect((await notices(user)).some((n) => n.kind === 'follow_up_slid' && n.measureId === slid.measure.id)).toBe(true);
      // The history says so, dated today; the burn-up steps down by one.
      const history = json<AuditEntry[]>(await api.request({ method: 'GET', url: `/api/measures/${slid.measure.id}/history` }));
      expect(history.some((e) => e.entity === 'follow_up_item' && e.action === 'update' && (e.changes.result as { after: unknown }).after === 'slid')).toBe(true);
      const reopen = history.find((e) => e.entity === 'measure' && e.action === 'reopen')!;
      expect(reopen.changes.followUpId).toEqual({ before: null, after: slid.review.id });
      expect(todayInShanghai(new Date(reopen.at))).toBe(today);
      expect(reopen.at).toBe(api.app.clock.now().toISOString());
      const afterSlide = await timeline();
      expect(last(afterSlide)).toEqual({ date: today, total: last(beforeSlide).total, closed: last(beforeSlide).closed - 1 });
      // A reopened measure is no longer closed: a second review cannot take it, nor can its item be recorded again.
      expect(code(await schedule({ scheduledOn: today, scope: 'measures', measureIds: [slid.measure.id] }))).toBe('FOLLOW_UP_MEASURE_NOT_CLOSED');

      const detail = json<FollowUpDetail>(await api.request({ method: 'GET', url: `/api/follow-ups/${slid.review.id}` }));
      expect(detail).toMatchObject({ state: 'done', counts: { total: 1, held: 0, slid: 1, pending: 0 } });
      const overview = json<FollowUpOverview>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/follow-ups` }));
      expect(overview.totals.held).toBeGreaterThanOrEqual(1);
      expect(overview.totals.slid).toBeGreaterThanOrEqual(1);
      // What the leader may do shows on the review: they are its reviewer; the officer is not.
      expect(json<FollowUpDetail>(await api.as('officer', { method: 'GET', url: `/api/follow-ups/${held.review.id}` })).mayRecord).toBe(false);
      expect(json<FollowUpDetail>(await api.as('leader', { method: 'GET', url: `/api/follow-ups/${held.review.id}` })).mayRecord).toBe(true);
    });

    it('keeps evidence with the item (checked by content like any evidence), for the reviewer and the office only', async () => {
      const r = await b.followUp(w.officerPersonId);
      const upload = (user: string, fileName: string, bytes: Buffer) => api.as(user, { method: 'POST', url: `/api/follow-up-items/${r.item.id}/evidence`, ...multipart(fileName, bytes) });
      expect((await upload('leader', '照片.png', files.png())).statusCode).toBe(403);
      expect((await upload('officer', '程序.pdf', files.exe())).statusCode).toBe(415);
      const res = await upload('officer', '回头看现场照片.png', files.png());
      expect(res.statusCode).toBe(201);
      expect((await upload('office', '检查记录.pdf', files.pdf())).statusCode).toBe(201);
      const detail = json<FollowUpDetail>(await api.request({ method: 'GET', url: `/api/follow-ups/${r.review.id}` }));
      expect(detail.items[0]!.evidence.map((e) => e.fileName)).toEqual(['回头看现场照片.png', '检查记录.pdf']);
      // Also among the measure's evidence, downloadable like the rest.
      const evidence = json<{ id: number; fileName: string }[]>(await api.request({ method: 'GET', url: `/api/measures/${r.measure.id}/evidence` }));
      const photo = evidence.find((e) => e.fileName === '回头看现场照片.png')!;
      expect((await api.as('inspector', { method: 'GET', url: `/api/evidence/${photo.id}/download` })).statusCode).toBe(200);
      // The officer, its reviewer, records 巩固.
      expect((await record(r.item.id, { result: 'held' }, 'officer')).statusCode).toBe(200);
    });

    it('lets the office edit a scheduled review (day, reviewer, scope, note) and delete one without results; refuses both once a result is recorded', async () => {
      const r = await b.followUp(w.leaderPersonId);
      const second = await b.closed();
      const edit = (id: number, payload: object, user = 'office') => api.as(user, { method: 'PATCH', url: `/api/follow-ups/${id}`, payload });
      const open = await b.measure();
      const before = await fingerprint(api);
      const refusals: [object, number, string][] = [
        [{ version: r.review.version + 5, note: 'x' }, 409, 'VERSION_CONFLICT'],
        [{ scheduledOn: '2024-01-10' }, 400, 'VALIDATION_FAILED'],
        [{ version: r.review.version, measureIds: [second.id] }, 400, 'VALIDATION_FAILED'],
        [{ version: r.review.version, scope: 'measures' }, 400, 'VALIDATION_FAILED'],
        [{ version: r.review.version, scope: 'measures', measureIds: [open.id] }, 409, 'FOLLOW_UP_MEASURE_NOT_CLOSED'],
        [{ version: r.review.version, reviewerId: 999_999 }, 400, 'INVALID_REFERENCE'],
        [{ version: r.review.version, scheduledOn: 'soon' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [payload, status, errorCode] of refusals) {
        const res = await edit(r.review.id, payload);
        expect({ payload, status: res.statusCode, code: code(res) }).toEqual({ payload, status, code: errorCode });
      }
      for (const user of ['leader', 'officer', 'supervisor', 'inspector']) expect((await edit(r.review.id, { version: r.review.version, note: 'x' }, user)).statusCode).toBe(403);
      expect(await fingerprint(api)).toEqual(before);

      // Day, reviewer (the officer's person, who hears of it), scope (a second measure added) and note in one edit.
      const edited = await edit(r.review.id, { version: r.review.version, scheduledOn: '2024-01-10', reviewerId: w.officerPersonId, scope: 'measures', measureIds: [r.measure.id, second.id], note: '改由责任科室检查' });
      expect(edited.statusCode).toBe(200);
      const after = json<FollowUpDetail>(edited);
      expect(after).toMatchObject({ scheduledOn: '2024-01-10', reviewer: { id: w.officerPersonId }, note: '改由责任科室检查', version: r.review.version + 1, mayManage: true, locked: false, counts: { total: 2, pending: 2 } });
      // The measure still covered keeps its item.
      expect(after.items.find((i) => i.measure.id === r.measure.id)!.id).toBe(r.item.id);
      expect((await notices('officer')).some((n) => n.kind === 'follow_up_scheduled' && n.text.includes('2024-01-10'))).toBe(true);
      const update = (await api.db.auditLog.findFirst({ where: { entity: 'follow_up', entityId: r.review.id, action: 'update' } }))!;
      expect(JSON.parse(update.changes)).toMatchObject({ scheduledOn: { before: '2023-12-01', after: '2024-01-10' }, measureIds: { before: [r.measure.id], after: [r.measure.id, second.id] } });
      expect(update.at.toISOString()).toBe(api.app.clock.now().toISOString());
      // Readers see what they may do: the leader may not manage it.
      expect(json<FollowUpDetail>(await api.as('leader', { method: 'GET', url: `/api/follow-ups/${r.review.id}` })).mayManage).toBe(false);

      // Once a result is recorded: day, reviewer and scope are fixed, the note is not; no deletion.
      const item = after.items.find((i) => i.measure.id === second.id)!;
      expect((await record(item.id, { result: 'held' })).statusCode).toBe(200);
      const locked = json<FollowUpDetail>(await api.request({ method: 'GET', url: `/api/follow-ups/${r.review.id}` }));
      expect(locked.locked).toBe(true);
      const stuck = await edit(r.review.id, { version: locked.version, scheduledOn: '2024-02-01' });
      expect({ status: stuck.statusCode, code: code(stuck) }).toEqual({ status: 409, code: 'FOLLOW_UP_HAS_RESULTS' });
      expect(json<ErrorBody & { error: { message: string } }>(stuck).error.message).toContain('已记录检查结果');
      // The same day, reviewer and scope sent again change nothing fixed: the note alone is saved.
      const noted = await edit(r.review.id, { version: locked.version, scheduledOn: '2024-01-10', reviewerId: w.officerPersonId, scope: 'measures', measureIds: [second.id, r.measure.id], note: '已部分检查' });
      expect(noted.statusCode).toBe(200);
      expect(json<FollowUpDetail>(noted).note).toBe('已部分检查');
      const refusedDelete = await api.request({ method: 'DELETE', url: `/api/follow-ups/${r.review.id}` });
      expect({ status: refusedDelete.statusCode, code: code(refusedDelete) }).toEqual({ status: 409, code: 'FOLLOW_UP_HAS_RESULTS' });

      // A review without results goes, its items with it; the audit keeps what it was.
      const spare = await b.followUp(null);
      expect((await api.request({ method: 'DELETE', url: `/api/follow-ups/${spare.review.id}?version=${spare.review.version + 1}` })).statusCode).toBe(409);
      expect((await api.as('leader', { method: 'DELETE', url: `/api/follow-ups/${spare.review.id}` })).statusCode).toBe(403);
      const gone = await api.request({ method: 'DELETE', url: `/api/follow-ups/${spare.review.id}?version=${spare.review.version}` });
      expect(gone.statusCode).toBe(200);
      expect((await api.request({ method: 'GET', url: `/api/follow-ups/${spare.review.id}` })).statusCode).toBe(404);
      expect(await api.db.followUpItem.count({ where: { id: spare.item.id } })).toBe(0);
      const deleted = await api.db.auditLog.findFirst({ where: { entity: 'follow_up', entityId: spare.review.id, action: 'delete' } });
      expect(JSON.parse(deleted!.changes)).toMatchObject({ measureIds: { before: [spare.measure.id], after: null } });
    });

    it('corrects a recorded result: 巩固 → 反弹 reopens below 100 %; 反弹 → 巩固 leaves the measure open (closed again only through 申请销号); the measure page lists every item', async () => {
      const r = await b.followUp(w.leaderPersonId);
      const correct = (payload: object, user = 'office') => api.as(user, { method: 'PATCH', url: `/api/follow-up-items/${r.item.id}`, payload });
      const measure = async () => json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${r.measure.id}` }));
      const listed = async (user = 'office') => json<MeasureFollowUp[]>(await api.as(user, { method: 'GET', url: `/api/measures/${r.measure.id}/follow-ups` }));

      // Listed on the measure while pending.
      expect(await listed()).toMatchObject([{ id: r.item.id, followUp: { id: r.review.id, scheduledOn: '2023-12-01', reviewer: { id: w.leaderPersonId } }, result: null, evidence: [] }]);
      const notYet = await correct({ result: 'slid', note: 'x', version: r.item.version });
      expect({ status: notYet.statusCode, code: code(notYet) }).toEqual({ status: 409, code: 'FOLLOW_UP_ITEM_NOT_RECORDED' });

      const held = json<FollowUpItem>(await record(r.item.id, { result: 'held', note: '未见反弹' }, 'leader'));
      // The reviewer records; only the office corrects.
      expect((await correct({ result: 'slid', note: 'x', version: held.version }, 'leader')).statusCode).toBe(403);
      expect((await correct({ result: 'slid', note: ' ', version: held.version })).statusCode).toBe(400);
      expect((await correct({ result: 'slid', note: 'x', version: held.version + 1 })).statusCode).toBe(409);
      expect((await measure()).status).toBe('closed');

      // Its deadline (2023-09-30) has passed: the correction to 反弹 names the new one, or changes nothing.
      const undated = await correct({ result: 'slid', note: '复核发现器材再次损坏', version: held.version });
      expect({ status: undated.statusCode, code: code(undated) }).toEqual({ status: 400, code: 'FOLLOW_UP_DEADLINE_REQUIRED' });
      expect(await measure()).toMatchObject({ status: 'closed', deadline: '2023-09-30' });
      const slid = await correct({ result: 'slid', note: '复核发现器材再次损坏', deadline: later, version: held.version });
      expect(slid.statusCode).toBe(200);
      expect(json<FollowUpItem>(slid)).toMatchObject({ result: 'slid', note: '复核发现器材再次损坏', version: held.version + 1 });
      const reopened = await measure();
      expect(reopened).toMatchObject({ status: 'in_progress', completedDate: null, progress: REOPENED_PROGRESS_MAX, deadline: later, overdue: false, latestClosure: { state: 'reopened' } });
      expect(reopened.latestClosure!.reopenReason).toContain('复核发现器材再次损坏');
      expect((await notices('officer')).some((n) => n.kind === 'follow_up_slid' && n.measureId === r.measure.id)).toBe(true);

      // A note corrected on a 反弹 does not reopen anything again.
      const renoted = json<FollowUpItem>(await correct({ result: 'slid', note: '复核发现器材再次损坏（两处）', version: held.version + 1 }));
      const reopenings = await api.db.auditLog.count({ where: { entity: 'measure', entityId: r.measure.id, action: 'reopen' } });
      expect(reopenings).toBe(1);

      // 反弹 → 巩固: recorded as held, the measure stays in progress (no silent re-closure), and its owners are told so, once.
      const heldNotices = async (user: string) => (await notices(user)).filter((n) => n.kind === 'follow_up_held' && n.measureId === r.measure.id);
      const back = json<FollowUpItem>(await correct({ result: 'held', note: '更正：系记录错误', version: renoted.version }));
      expect(back).toMatchObject({ result: 'held', measure: { status: 'in_progress' } });
      expect(await measure()).toMatchObject({ status: 'in_progress', progress: REOPENED_PROGRESS_MAX });
      for (const user of ['officer', 'leader']) {
        const told = await heldNotices(user);
        expect(told).toHaveLength(1);
        expect(told[0]!.text).toContain('由反弹更正为巩固');
        expect(told[0]!.text).toContain('须重新申请销号');
      }
      expect(await heldNotices('inspector')).toHaveLength(0);
      // A note corrected on the 巩固 tells nobody again.
      const renotedHeld = json<FollowUpItem>(await correct({ result: 'held', note: '更正：系记录错误（已核实）', version: back.version }));
      expect(await heldNotices('officer')).toHaveLength(1);
      const corrections = await api.db.auditLog.findMany({ where: { entity: 'follow_up_item', entityId: r.item.id }, orderBy: { id: 'asc' } });
      expect(corrections.map((c) => JSON.parse(c.changes).result?.after ?? null)).toEqual(['held', 'slid', null, 'held', null]);
      expect(corrections.slice(1).every((c) => JSON.parse(c.changes).correction?.after === true)).toBe(true);

      // The measure page's list: review day, reviewer, result, note, recorder — for every reader of the unit.
      for (const user of ['office', 'officer', 'inspector', 'supervisor']) {
        expect(await listed(user)).toMatchObject([{ id: r.item.id, followUp: { id: r.review.id, state: 'done' }, result: 'held', note: renotedHeld.note, recordedBy: { username: 'office' } }]);
      }
      expect((await api.request({ method: 'GET', url: '/api/measures/999999/follow-ups' })).statusCode).toBe(404);
    });

    it('限期整改: 反弹 on a measure whose deadline has passed takes a new one (today or later), written with the reopen in one audited change and told to its owners; kept when still ahead; none for a long-term measure', async () => {
      const late = await b.followUp(w.leaderPersonId);
      const ahead = addDays(today, 30);
      const onTime = await b.followUp(w.leaderPersonId, { deadline: ahead });
      const longTerm = await b.followUp(w.leaderPersonId, { kind: 'long_term', deadline: null, checkInCadence: 'monthly' });
      const item = async (r: { review: { id: number }; item: { id: number } }) =>
        json<FollowUpDetail>(await api.request({ method: 'GET', url: `/api/follow-ups/${r.review.id}` })).items.find((i) => i.id === r.item.id)!;
      const measure = async (id: number) => json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${id}` }));
      // The review page says what each measure's 反弹 asks of its deadline today.
      expect((await item(late)).measure).toMatchObject({ kind: 'deadline', deadline: '2023-09-30', relapseDeadline: 'required' });
      expect((await item(onTime)).measure).toMatchObject({ deadline: ahead, relapseDeadline: 'optional' });
      expect((await item(longTerm)).measure).toMatchObject({ kind: 'long_term', deadline: null, relapseDeadline: 'none' });

      const before = await fingerprint(api);
      const refusals: [number, object, number, string][] = [
        [late.item.id, { result: 'slid', note: '制度未执行' }, 400, 'FOLLOW_UP_DEADLINE_REQUIRED'],
        [late.item.id, { result: 'slid', note: '制度未执行', deadline: addDays(today, -1) }, 400, 'FOLLOW_UP_DEADLINE_PAST'],
        [late.item.id, { result: 'slid', note: '制度未执行', deadline: 'next month' }, 400, 'VALIDATION_FAILED'],
        [late.item.id, { result: 'held', deadline: later }, 400, 'FOLLOW_UP_DEADLINE_NOT_REOPENING'],
        [onTime.item.id, { result: 'slid', note: '制度未执行', deadline: '2023-01-01' }, 400, 'FOLLOW_UP_DEADLINE_PAST'],
        [longTerm.item.id, { result: 'slid', note: '制度未执行', deadline: later }, 400, 'FOLLOW_UP_DEADLINE_LONG_TERM'],
      ];
      for (const [itemId, payload, status, errorCode] of refusals) {
        const res = await record(itemId, payload, 'leader');
        expect({ payload, status: res.statusCode, code: code(res) }).toEqual({ payload, status, code: errorCode });
      }
      const required = json<ErrorBody & { error: { message: string } }>(await record(late.item.id, { result: 'slid', note: '制度未执行' }));
      expect(required.error).toMatchObject({ message: expect.stringContaining('须设定新的完成时限'), details: { field: 'deadline', deadline: '2023-09-30', today } });
      expect(await fingerprint(api)).toEqual(before);
      expect(await measure(late.measure.id)).toMatchObject({ status: 'closed', deadline: '2023-09-30' });

      // Today itself is a valid limit; the reopened measure is then not overdue at all.
      const res = await record(late.item.id, { result: 'slid', note: '制度未执行', deadline: today }, 'leader');
      expect(res.statusCode).toBe(200);
      expect(json<FollowUpItem>(res).measure).toMatchObject({ status: 'in_progress', deadline: today });
      expect(await measure(late.measure.id)).toMatchObject({ status: 'in_progress', deadline: today, overdue: false });
      // One audited change of the measure holds the reopen and the new deadline, as an edit's deadline change is recorded.
      const history = json<AuditEntry[]>(await api.request({ method: 'GET', url: `/api/measures/${late.measure.id}/history` }));
      const change = history.find((e) => e.entity === 'measure' && e.action === 'update' && e.changes.deadline)!;
      expect(change.changes).toMatchObject({ status: { before: 'closed', after: 'in_progress' }, deadline: { before: '2023-09-30', after: today } });
      expect(change.at).toBe(api.app.clock.now().toISOString());
      // Its owners read the new limit.
      for (const user of ['officer', 'leader']) {
        const notice = (await notices(user)).find((n) => n.kind === 'follow_up_slid' && n.measureId === late.measure.id);
        expect(notice?.text).toContain(`请于 ${today} 前完成整改`);
      }

      // Still ahead: kept when none is sent, and said in the notice.
      expect((await record(onTime.item.id, { result: 'slid', note: '制度未执行' }, 'leader')).statusCode).toBe(200);
      expect(await measure(onTime.measure.id)).toMatchObject({ status: 'in_progress', deadline: ahead });
      expect((await notices('officer')).find((n) => n.kind === 'follow_up_slid' && n.measureId === onTime.measure.id)?.text).toContain(`请于 ${ahead} 前完成整改`);
      const kept = json<AuditEntry[]>(await api.request({ method: 'GET', url: `/api/measures/${onTime.measure.id}/history` }));
      expect(kept.some((e) => e.entity === 'measure' && e.action === 'update' && e.changes.deadline)).toBe(false);

      // Long-term: reopened without a deadline, held to its check-ins.
      expect((await record(longTerm.item.id, { result: 'slid', note: '制度未执行' }, 'leader')).statusCode).toBe(200);
      expect(await measure(longTerm.measure.id)).toMatchObject({ status: 'in_progress', kind: 'long_term', deadline: null });
    });

    it('dates the demo setup’s audit rows (written as the system, not in a request) by the app’s injected clock', async () => {
      const rows = await api.db.auditLog.findMany({ where: { entity: 'user', action: 'create', actorName: 'system' } });
      expect(rows.length).toBeGreaterThanOrEqual(6);
      for (const row of rows) expect(row.at.toISOString()).toBe(api.app.clock.now().toISOString());
    });

    it('puts the 回头看 counts in the report’s section 一, as the API counts them', async () => {
      const { totals } = json<FollowUpOverview>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/follow-ups` }));
      expect(totals.reviews).toBeGreaterThan(0);
      const html = (await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/report.html` })).body;
      expect(html).toContain(`开展“回头看”${totals.reviews}次，对${totals.measures}项已销号整改措施逐项复查，已检查${totals.held + totals.slid}项，其中巩固${totals.held}项，发现反弹${totals.slid}项`);
    });
  });
}
