import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai, WARNING_LEVELS, type AuditEntry, type LedgerImportPlan, type MeasureDetail, type MeasurePage, type NotificationList, type Postponement, type PostponementQueueItem, type RoundTree, type SupervisionNotice, type Timeline, type TimeSummary } from '@rectify/domain';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseLedgerXlsx, writeLedgerXlsx, type LedgerRow } from '@rectify/documents';
import { warningLevelsInSql } from '../src/modules/timeline/repository.js';
import { startApi, type TestApi, type TestDatabase } from './harness.js';
import { builders, json, world, type World } from './fixtures.js';

/**
 * Time (issue 9): 延期 asked for, refused, approved (the deadline moves, the original is kept, the
 * count goes up), never typed over by a leader; the three-colour warning computed by the API with
 * the round's thresholds and counted in SQL exactly as the pure rule says; the timeline and the
 * burn-up replayed from the dated history. The clock is injected: today is the real day here, so
 * that the audit's own timestamps (the history) and the clock agree.
 */
export function timeSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`time on ${label}`, () => {
    let api: TestApi;
    let w: World;
    let b: ReturnType<typeof builders>;
    const today = todayInShanghai();

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

    const measure = async (id: number) => json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${id}` }));
    const notices = async (user: string) => json<NotificationList>(await api.as(user, { method: 'GET', url: '/api/notifications?limit=100' })).items;

    it('asks, refuses, then approves a postponement: the deadline moves, the original stays, the count goes up', async () => {
      const m = await b.measure({ deadline: addDays(today, 5) });
      expect(m).toMatchObject({ originalDeadline: null, postponementCount: 0, postponements: [] });
      const ask = (payload: object, user = 'officer') => api.as(user, { method: 'POST', url: `/api/measures/${m.id}/postponements`, payload });

      // Not later than the current deadline: refused as bad input, nothing written.
      const early = await ask({ requestedDeadline: addDays(today, 5), reason: '来不及' });
      expect(early.statusCode).toBe(400);
      expect(json<{ error: { code: string } }>(early).error.code).toBe('POSTPONEMENT_NOT_LATER');
      const missingReason = await ask({ requestedDeadline: addDays(today, 30) });
      expect(missingReason.statusCode).toBe(400);

      // Another unit's office, which must not hear of this unit's requests.
      const otherUnit = await api.db.organization.create({ data: { name: b.unique('别的单位'), kind: 'unit' } });
      const otherOffice = await api.db.user.create({ data: { username: b.unique('other-office'), passwordHash: 'x', role: 'office', organizationId: otherUnit.id } });
      const first = await ask({ requestedDeadline: addDays(today, 30), reason: '需等待财政拨款' });
      expect(first.statusCode).toBe(201);
      const p1 = json<Postponement>(first);
      expect(p1).toMatchObject({ state: 'pending', previousDeadline: addDays(today, 5), requestedDeadline: addDays(today, 30), requestedBy: { id: w.userIds.officer } });
      // One pending request at a time.
      expect((await ask({ requestedDeadline: addDays(today, 40), reason: '再延' }, 'leader')).statusCode).toBe(409);
      // The office hears of it, and sees it in its queue.
      expect((await notices('office')).some((n) => n.kind === 'postponement_requested' && n.measureId === m.id)).toBe(true);
      expect(await api.db.notification.count({ where: { userId: otherOffice.id } })).toBe(0);
      const queue = json<PostponementQueueItem[]>(await api.request({ method: 'GET', url: `/api/postponements?roundId=${api.roundId}` }));
      expect(queue.find((q) => q.id === p1.id)?.measure).toMatchObject({ id: m.id, deadline: addDays(today, 5) });

      // Refused without a reason: 400; with one: nothing changes on the measure, the owners hear why.
      expect((await api.request({ method: 'POST', url: `/api/postponements/${p1.id}/refuse`, payload: {} })).statusCode).toBe(400);
      const refused = json<Postponement>(await api.request({ method: 'POST', url: `/api/postponements/${p1.id}/refuse`, payload: { version: p1.version, reason: '理由不充分' } }));
      expect(refused).toMatchObject({ state: 'refused', reviewReason: '理由不充分', reviewedBy: { id: w.userIds.office } });
      expect(await measure(m.id)).toMatchObject({ deadline: addDays(today, 5), originalDeadline: null, postponementCount: 0, version: m.version });
      expect((await notices('officer')).find((n) => n.kind === 'postponement_refused' && n.measureId === m.id)?.text).toContain('理由不充分');
      // Decided once only.
      const twice = await api.request({ method: 'POST', url: `/api/postponements/${p1.id}/approve`, payload: {} });
      expect(twice.statusCode).toBe(409);
      expect(json<{ error: { code: string } }>(twice).error.code).toBe('POSTPONEMENT_NOT_PENDING');

      // Asked again by the leader, approved by the office.
      const p2 = json<Postponement>(await ask({ requestedDeadline: addDays(today, 30), reason: '需等待财政拨款，已补充说明' }, 'leader'));
      expect((await api.request({ method: 'POST', url: `/api/postponements/${p2.id}/approve`, payload: { version: p2.version + 5 } })).statusCode).toBe(409);
      expect((await api.as('leader', { method: 'POST', url: `/api/postponements/${p2.id}/approve`, payload: {} })).statusCode).toBe(403);
      const approved = json<Postponement>(await api.request({ method: 'POST', url: `/api/postponements/${p2.id}/approve`, payload: { version: p2.version } }));
      expect(approved.state).toBe('approved');
      const after = await measure(m.id);
      expect(after).toMatchObject({ deadline: addDays(today, 30), originalDeadline: addDays(today, 5), postponementCount: 1, version: m.version + 1 });
      expect(after.postponements!.map((p) => [p.id, p.state])).toEqual([[p2.id, 'approved'], [p1.id, 'refused']]);
      expect((await notices('officer')).some((n) => n.kind === 'postponement_approved' && n.measureId === m.id)).toBe(true);

      // A second postponement keeps the first original deadline.
      const p3 = json<Postponement>(await ask({ requestedDeadline: addDays(today, 60), reason: '施工延误' }));
      await api.request({ method: 'POST', url: `/api/postponements/${p3.id}/approve`, payload: {} });
      expect(await measure(m.id)).toMatchObject({ deadline: addDays(today, 60), originalDeadline: addDays(today, 5), postponementCount: 2 });

      // All of it in the audit, tied to the measure.
      const history = json<AuditEntry[]>(await api.request({ method: 'GET', url: `/api/measures/${m.id}/history` }));
      const postponementRows = history.filter((e) => e.entity === 'postponement').map((e) => e.action).sort();
      expect(postponementRows).toEqual(['approve', 'approve', 'reject', 'submit', 'submit', 'submit']);
      const moves = history.filter((e) => e.entity === 'measure' && e.action === 'update' && 'deadline' in e.changes);
      expect(moves).toHaveLength(2);
    });

    it('does not let a leader or an officer type over a deadline; the office still may', async () => {
      const m = await b.measure({ deadline: addDays(today, 5) });
      const leader = await api.as('leader', { method: 'PATCH', url: `/api/measures/${m.id}`, payload: { version: m.version, deadline: addDays(today, 90) } });
      expect(leader.statusCode).toBe(403);
      expect(json<{ error: { details: { fields: string[] } } }>(leader).error.details.fields).toEqual(['deadline']);
      expect((await api.as('officer', { method: 'PATCH', url: `/api/measures/${m.id}`, payload: { version: m.version, deadline: addDays(today, 90) } })).statusCode).toBe(403);
      expect((await measure(m.id)).deadline).toBe(addDays(today, 5));
      const office = await api.request({ method: 'PATCH', url: `/api/measures/${m.id}`, payload: { version: m.version, deadline: addDays(today, 6) } });
      expect(office.statusCode).toBe(200);
    });

    it('refuses to postpone a long-term measure, one without a deadline, and a closed one', async () => {
      const longTerm = await b.measure({ kind: 'long_term' });
      const undated = await b.measure({ deadline: null });
      for (const id of [longTerm.id, undated.id]) {
        const res = await api.as('officer', { method: 'POST', url: `/api/measures/${id}/postponements`, payload: { requestedDeadline: addDays(today, 30), reason: '延期' } });
        expect(res.statusCode).toBe(409);
        expect(json<{ error: { code: string } }>(res).error.code).toBe('POSTPONEMENT_NOT_APPLICABLE');
      }
      const closed = await b.closed();
      const res = await api.as('officer', { method: 'POST', url: `/api/measures/${closed.id}/postponements`, payload: { requestedDeadline: '2099-01-01', reason: '延期' } });
      expect(res.statusCode).toBe(409);
      expect(json<{ error: { code: string } }>(res).error.code).toBe('MEASURE_LOCKED');
    });

    it('computes the warning level with the round’s thresholds, and counts in SQL exactly what the rule says', async () => {
      // Started yesterday: not behind schedule (the demo round's feedback date is years ago).
      const made = {
        overdue: await b.measure({ startDate: addDays(today, -1), deadline: addDays(today, -1) }),
        dueToday: await b.measure({ startDate: addDays(today, -1), deadline: today }),
        urgent: await b.measure({ startDate: addDays(today, -1), deadline: addDays(today, 10) }),
        dueSoon: await b.measure({ startDate: addDays(today, -1), deadline: addDays(today, 11) }),
        lastGreen: await b.measure({ startDate: addDays(today, -1), deadline: addDays(today, 20) }),
        none: await b.measure({ startDate: addDays(today, -1), deadline: addDays(today, 21) }),
        // 序时进度: 80 % of the time gone, 10 % done.
        behind: await b.measure({ startDate: addDays(today, -80), deadline: addDays(today, 20), progress: 10 }),
        longTerm: await b.measure({ kind: 'long_term', deadline: addDays(today, -5) }),
      };
      const level = async (id: number) => (await measure(id)).warningLevel;
      expect({
        overdue: await level(made.overdue.id),
        dueToday: await level(made.dueToday.id),
        urgent: await level(made.urgent.id),
        dueSoon: await level(made.dueSoon.id),
        lastGreen: await level(made.lastGreen.id),
        none: await level(made.none.id),
        behind: await level(made.behind.id),
        longTerm: await level(made.longTerm.id),
      }).toEqual({ overdue: 'overdue', dueToday: 'urgent', urgent: 'urgent', dueSoon: 'due_soon', lastGreen: 'due_soon', none: 'none', behind: 'urgent', longTerm: 'none' });

      // 长期坚持: judged by its check-ins (each progress update is one), like a deadline.
      const longTerm = {
        missed: await b.measure({ kind: 'long_term', checkInCadence: 'monthly', startDate: addDays(today, -40), deadline: null }),
        checkedIn: await b.measure({ kind: 'long_term', checkInCadence: 'monthly', startDate: addDays(today, -40), deadline: null }),
        soon: await b.measure({ kind: 'long_term', checkInCadence: 'quarterly', startDate: addDays(today, -85), deadline: null }),
      };
      expect(longTerm.missed).toMatchObject({ checkInCadence: 'monthly', lastCheckInOn: null, nextCheckInDue: addDays(today, -9), warningLevel: 'overdue' });
      const checkIn = await api.as('officer', { method: 'POST', url: `/api/measures/${longTerm.checkedIn.id}/updates`, payload: { date: today, text: '本月按要求坚持落实', percent: 30 } });
      expect(checkIn.statusCode).toBe(201);
      expect(await measure(longTerm.checkedIn.id)).toMatchObject({ lastCheckInOn: today, nextCheckInDue: addDays(today, 31), warningLevel: 'none' });
      expect(await level(longTerm.soon.id)).toBe('urgent');
      // An earlier-dated update does not move the last check-in back.
      await api.as('officer', { method: 'POST', url: `/api/measures/${longTerm.checkedIn.id}/updates`, payload: { date: addDays(today, -3), text: '补报', percent: 30 } });
      expect((await measure(longTerm.checkedIn.id)).lastCheckInOn).toBe(today);

      // The round's own thresholds.
      const round = json<{ version: number }>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}` }));
      const patched = await api.request({ method: 'PATCH', url: `/api/rounds/${api.roundId}`, payload: { version: round.version, warnDueSoonDays: 30, warnVerySoonDays: 5, behindScheduleMargin: 80 } });
      expect(patched.statusCode).toBe(200);
      expect(await level(made.urgent.id)).toBe('due_soon');
      expect(await level(made.none.id)).toBe('due_soon');
      expect(await level(made.behind.id)).toBe('due_soon');
      expect(await level(longTerm.soon.id)).toBe('due_soon');
      expect(await level(longTerm.missed.id)).toBe('overdue');

      // Every measure of the round (the demo's 47 and ours): SQL and the API agree, and the summary counts them.
      const tree = json<RoundTree>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/tree` }));
      const fromTree = new Map(tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((x) => [x.id, x.warningLevel] as const))));
      const inSql = await warningLevelsInSql(api.db, api.dialect, api.roundId, today);
      expect(inSql.size).toBe(fromTree.size);
      expect(Object.fromEntries(inSql)).toEqual(Object.fromEntries(fromTree));
      const summary = json<TimeSummary>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/time-summary` }));
      const count = (l: string) => [...fromTree.values()].filter((x) => x === l).length;
      expect(summary.levels).toEqual({ none: count('none'), due_soon: count('due_soon'), urgent: count('urgent'), overdue: count('overdue') });
      expect(summary.thresholds).toEqual({ warnDueSoonDays: 30, warnVerySoonDays: 5, behindScheduleMargin: 80 });
      expect(summary.postponed).toBe(await api.db.measure.count({ where: { roundId: api.roundId, postponementCount: { gt: 0 } } }));
      expect(summary.postponed).toBeGreaterThanOrEqual(1);
      expect(summary.dueNext14).toBe(
        await api.db.measure.count({ where: { roundId: api.roundId, status: { not: 'closed' }, kind: { not: 'long_term' }, deadline: { gte: today, lte: addDays(today, 14) } } }),
      );
      expect(summary.longTerm).toBeGreaterThanOrEqual(1);
      const back = json<{ version: number }>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}` }));
      await api.request({ method: 'PATCH', url: `/api/rounds/${api.roundId}`, payload: { version: back.version, warnDueSoonDays: 20, warnVerySoonDays: 10, behindScheduleMargin: 20 } });
    });

    it('lists each warning level exactly as the dashboard counts it, long-term measures included, in every order and page by page', async () => {
      // Long-term measures at every level (monthly: 31 days from the start): missed, due in 6 days, in 16, in 30.
      const longTerm = [-40, -25, -15, -1].map((started) => b.measure({ kind: 'long_term', checkInCadence: 'monthly', startDate: addDays(today, started), deadline: null }));
      const made = await Promise.all(longTerm);
      expect(made.map((m) => m.warningLevel)).toEqual(['overdue', 'urgent', 'due_soon', 'none']);
      // A dated one behind schedule (序时进度): urgent by a condition only the SQL form can say.
      await b.measure({ startDate: addDays(today, -80), deadline: addDays(today, 20), progress: 10, text: b.unique('滞后措施 50%_') });

      const summary = json<TimeSummary>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/time-summary` }));
      const timeline = json<Timeline>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/timeline` }));
      const list = async (qs: string) => json<MeasurePage>(await api.request({ method: 'GET', url: `/api/measures?roundId=${api.roundId}&${qs}` }));
      const all = async (qs: string) => {
        const ids: number[] = [];
        let cursor: string | null = null;
        do {
          const page: MeasurePage = await list(`${qs}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
          ids.push(...page.items.map((m) => m.id));
          cursor = page.nextCursor;
        } while (cursor);
        return ids;
      };
      for (const level of WARNING_LEVELS) {
        const first = await list(`warningLevel=${level}&limit=200`);
        // The dashboard's figure, the list's total and the timeline it links to say the same.
        expect({ level, total: first.total }).toEqual({ level, total: summary.levels[level] });
        expect(timeline.rows.filter((r) => r.warningLevel === level)).toHaveLength(first.total);
        expect(first.items.every((m) => m.warningLevel === level)).toBe(true);
        const expected = new Set(first.items.map((m) => m.id));
        for (const sort of ['position', 'deadline', 'updatedAt']) {
          for (const dir of ['asc', 'desc']) {
            const ids = await all(`warningLevel=${level}&sort=${sort}&direction=${dir}`);
            expect(ids).toHaveLength(first.total);
            expect(new Set(ids)).toEqual(expected);
          }
        }
      }
      for (const m of made) expect((await list(`warningLevel=${m.warningLevel}&limit=200`)).items.some((x) => x.id === m.id)).toBe(true);
      // The missed check-ins figure: the long-term ones of the red list.
      expect((await list('warningLevel=overdue&limit=200')).items.filter((m) => m.kind === 'long_term')).toHaveLength(summary.checkInsMissed);
      // With the list's other filters: the text search (its wildcards are literal), status.
      const behind = await list(`warningLevel=urgent&q=${encodeURIComponent('50%_')}`);
      expect(behind.items.map((m) => m.text)).toEqual([expect.stringContaining('滞后措施 50%_')]);
      expect((await list(`warningLevel=urgent&q=${encodeURIComponent('%_')}`)).total).toBe(1);
      expect((await list('warningLevel=overdue&status=closed')).total).toBe(0);
      const bad = await api.request({ method: 'GET', url: `/api/measures?roundId=${api.roundId}&warningLevel=purple` });
      expect(bad.statusCode).toBe(400);
      expect(json<{ error: { code: string } }>(bad).error.code).toBe('VALIDATION_FAILED');
    });

    it('draws the timeline (original deadline as a ghost) and replays the burn-up from the history: a reopening steps it down', async () => {
      const timeline = async () => json<Timeline>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/timeline` }));
      const before = await timeline();
      const last = (t: Timeline) => t.burnUp[t.burnUp.length - 1]!;
      expect(before.burnUp[0]!.date).toBe(before.feedbackDate);
      expect(last(before).date).toBe(today);
      expect(last(before).total).toBe(before.rows.length);
      expect(last(before).closed).toBe(before.rows.filter((r) => r.status === 'closed').length);
      // The demo round's 46 closed measures were closed on their own dates, before today.
      expect(before.burnUp.some((p) => p.date < today && p.closed > 0)).toBe(true);

      const postponed = before.rows.find((r) => r.postponementCount > 0)!;
      expect(postponed.originalEnd).not.toBeNull();
      expect(postponed.originalEnd! < postponed.end!).toBe(true);

      const closed = await b.closed();
      const withClosed = await timeline();
      expect(last(withClosed)).toEqual({ date: today, total: last(before).total + 1, closed: last(before).closed + 1 });
      const row = withClosed.rows.find((r) => r.id === closed.id)!;
      expect(row).toMatchObject({ status: 'closed', closedOn: today, start: before.feedbackDate });
      await api.request({ method: 'POST', url: `/api/measures/${closed.id}/reopen`, payload: { reason: '回头看发现反弹' } });
      const reopened = await timeline();
      expect(last(reopened)).toEqual({ date: today, total: last(before).total + 1, closed: last(before).closed });
      const category = reopened.categories.find((c) => c.id === row.category.id)!;
      expect(category.burnUp[category.burnUp.length - 1]!.total).toBe(reopened.rows.filter((r) => r.category.id === row.category.id).length);
    });
    it('sends the three-colour warnings escalating with the level, each level once per measure', async () => {
      const m = await b.measure({ startDate: addDays(today, -1), deadline: addDays(today, 15) });
      // The round's principal (组长 of the leading group) gets an account, so the red notice reaches it.
      const head = await api.db.leadingGroupMember.findFirst({ where: { roundId: api.roundId, role: 'head' } });
      const principal = head ? await api.db.user.create({ data: { username: b.unique('principal'), passwordHash: 'x', role: 'inspector', personId: head.personId } }) : null;
      // Another unit's office: a red warning of this unit's measure is none of its business.
      const otherUnit = await api.db.organization.create({ data: { name: b.unique('另一单位'), kind: 'unit' } });
      await api.db.user.create({ data: { username: b.unique('other-office'), passwordHash: 'x', role: 'office', organizationId: otherUnit.id } });
      const warned = async () =>
        (await api.db.notification.findMany({ where: { measureId: m.id, kind: 'warning' }, select: { userId: true, dedupeKey: true } }))
          .map((n) => `${n.dedupeKey.split(':')[1]}:${n.userId}`)
          .sort();
      const scan = () => api.app.notifier.scanWarnings(today);
      const setDeadline = async (deadline: string) => {
        const current = await measure(m.id);
        expect((await api.request({ method: 'PATCH', url: `/api/measures/${m.id}`, payload: { version: current.version, deadline } })).statusCode).toBe(200);
      };
      const { officer, leader, office } = w.userIds as Record<string, number>;

      await scan();
      expect(await warned()).toEqual([`due_soon:${officer}`]);
      expect(await scan()).toBe(0);

      await setDeadline(addDays(today, 5));
      await scan();
      expect(await warned()).toEqual([`due_soon:${officer}`, `urgent:${leader}`, `urgent:${officer}`].sort());

      await setDeadline(addDays(today, -2));
      await scan();
      const red = [`overdue:${officer}`, `overdue:${leader}`, `overdue:${office}`, ...(principal ? [`overdue:${principal.id}`] : [])];
      expect(await warned()).toEqual([`due_soon:${officer}`, `urgent:${leader}`, `urgent:${officer}`, ...red].sort());
      expect(head).not.toBeNull();
      expect(await scan()).toBe(0);
      const note = await api.db.notification.findFirst({ where: { measureId: m.id, userId: office, kind: 'warning' } });
      expect(note?.title).toContain('红色预警');
      expect(note?.text).toContain('已过 2 天');
    });

    it('warns of a long-term measure’s missed check-in the same way, once per level per check-in period, to its own unit’s office only', async () => {
      // Monthly (31 days): started 15 days ago, the first check-in is due in 16 days (green).
      const m = await b.measure({ kind: 'long_term', checkInCadence: 'monthly', startDate: addDays(today, -15), deadline: null });
      const head = await api.db.leadingGroupMember.findFirst({ where: { roundId: api.roundId, role: 'head' } });
      expect(head).not.toBeNull();
      const principal =
        (await api.db.user.findFirst({ where: { personId: head!.personId, active: true } })) ??
        (await api.db.user.create({ data: { username: b.unique('principal'), passwordHash: 'x', role: 'inspector', personId: head!.personId } }));
      const otherUnit = await api.db.organization.create({ data: { name: b.unique('又一单位'), kind: 'unit' } });
      const otherOffice = await api.db.user.create({ data: { username: b.unique('other-office'), passwordHash: 'x', role: 'office', organizationId: otherUnit.id } });
      const warned = async () =>
        (await api.db.notification.findMany({ where: { measureId: m.id, kind: 'warning' }, select: { userId: true, dedupeKey: true } }))
          .map((n) => `${n.dedupeKey.split(':')[1]}:${n.dedupeKey.split(':')[3]}:${n.userId}`)
          .sort();
      const setStart = async (startDate: string) => {
        const current = await measure(m.id);
        expect((await api.request({ method: 'PATCH', url: `/api/measures/${m.id}`, payload: { version: current.version, startDate } })).statusCode).toBe(200);
      };
      const { officer, leader, office } = w.userIds as Record<string, number>;
      const scan = (day = today) => api.app.notifier.scanWarnings(day);

      await scan();
      const firstDue = addDays(today, 16);
      expect(await warned()).toEqual([`due_soon:${firstDue}:${officer}`]);
      expect(await scan()).toBe(0);

      // Due in 6 days: yellow, the leader too.
      await setStart(addDays(today, -25));
      const due6 = addDays(today, 6);
      await scan();
      expect(await warned()).toEqual([`due_soon:${firstDue}:${officer}`, `urgent:${due6}:${leader}`, `urgent:${due6}:${officer}`].sort());

      // Missed by 9 days: red, to the unit's own office and the principal; another unit's office hears nothing.
      await setStart(addDays(today, -40));
      const missedDue = addDays(today, -9);
      await scan();
      const red = (due: string) => [officer, leader, office, principal.id].map((u) => `overdue:${due}:${u}`);
      expect(await warned()).toEqual([`due_soon:${firstDue}:${officer}`, `urgent:${due6}:${leader}`, `urgent:${due6}:${officer}`, ...red(missedDue)].sort());
      expect(await scan()).toBe(0);
      expect(await api.db.notification.count({ where: { userId: otherOffice.id } })).toBe(0);
      const note = await api.db.notification.findFirst({ where: { measureId: m.id, userId: office, kind: 'warning', dedupeKey: { startsWith: 'warning:overdue:' } } });
      expect(note?.title).toContain('红色预警');
      expect(note?.text).toContain('每月报送');
      expect(note?.text).toContain('已逾期 9 天未报送');

      // The officer checks in (a progress update): the level clears, nothing more is sent.
      const checkIn = await api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/updates`, payload: { date: today, text: '本月已按要求落实', percent: 40 } });
      expect(checkIn.statusCode).toBe(201);
      expect((await measure(m.id)).warningLevel).toBe('none');
      const before = (await warned()).length;
      await scan();
      expect(await warned()).toHaveLength(before);

      // The next period is missed too (scanned 40 days on): red again, keyed by the new due day.
      const nextDue = addDays(today, 31);
      await scan(addDays(today, 40));
      expect((await warned()).filter((k) => k.includes(`:${nextDue}:`))).toEqual(red(nextDue).sort());
      expect(await scan(addDays(today, 40))).toBe(0);
      expect(await api.db.notification.count({ where: { userId: otherOffice.id } })).toBe(0);
    });

    it('issues numbered 督办函 to one department or leader, lists them on the measures and in the audit, and renders them', async () => {
      const a = await b.measure({ deadline: addDays(today, -3) });
      const c = await b.measure({ deadline: addDays(today, 4) });
      const foreign = await b.measure({ leadDepartmentId: w.otherDepartmentId, leaderId: null });
      const issue = (payload: object, user = 'office') => api.as(user, { method: 'POST', url: `/api/rounds/${api.roundId}/supervision-notices`, payload });

      const mixed = await issue({ measureIds: [a.id, foreign.id] });
      expect(mixed.statusCode).toBe(400);
      expect(json<{ error: { code: string } }>(mixed).error.code).toBe('NOTICE_MIXED_TARGETS');
      expect((await issue({ measureIds: [a.id] }, 'leader')).statusCode).toBe(403);
      const closed = await b.closed();
      expect((await issue({ measureIds: [closed.id] })).statusCode).toBe(409);

      const first = await issue({ measureIds: [a.id, c.id], replyBy: addDays(today, 7), request: '请分管领导亲自过问。' });
      expect(first.statusCode).toBe(201);
      const notice = json<SupervisionNotice>(first);
      const year = Number(today.slice(0, 4));
      expect(notice).toMatchObject({ code: `督办〔${year}〕${notice.number}号`, target: 'department', issuedOn: today, replyBy: addDays(today, 7) });
      expect(notice.measures.map((x) => [x.id, x.level])).toEqual([[a.id, 'overdue'], [c.id, 'urgent']]);
      const second = json<SupervisionNotice>(await issue({ measureIds: [c.id], target: 'leader' }));
      expect(second.number).toBe(notice.number + 1);
      expect(second.targetName).toMatch(/同志$/);

      const onMeasure = json<SupervisionNotice[]>(await api.request({ method: 'GET', url: `/api/measures/${c.id}/supervision-notices` }));
      expect(onMeasure.map((n) => n.id)).toEqual([second.id, notice.id]);
      const history = json<AuditEntry[]>(await api.request({ method: 'GET', url: `/api/measures/${a.id}/history` }));
      expect(history.some((e) => e.entity === 'supervision_notice' && e.action === 'issue')).toBe(true);
      expect((await notices('officer')).some((n) => n.measureId === a.id && n.title.includes(notice.code))).toBe(true);

      const doc = await api.as('inspector', { method: 'GET', url: `/api/supervision-notices/${notice.id}/notice.docx` });
      expect(doc.statusCode).toBe(200);
      expect(doc.headers['content-type']).toContain('wordprocessingml');
      const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain(notice.code);
      expect(xml).toContain('请分管领导亲自过问。');
      expect(xml).toContain(a.text);
      expect((await api.request({ method: 'GET', url: '/api/supervision-notices/999999/notice.docx' })).statusCode).toBe(404);
    });
    it('exports 报送周期 / 最近报送日期 of long-term measures in the ledger, and its import reads the cadence back', async () => {
      const tag = b.unique('报送');
      const monthly = await b.measure({ kind: 'long_term', checkInCadence: 'monthly', deadline: null, text: `${tag}每月措施`, outcome: '每月报送学习情况' });
      await api.as('officer', { method: 'POST', url: `/api/measures/${monthly.id}/updates`, payload: { date: today, text: '本月已报送', percent: 50 } });
      const quarterly = await b.measure({ kind: 'long_term', checkInCadence: 'quarterly', deadline: null, text: `${tag}每季度措施`, outcome: '按季度报送' });
      const dated = await b.measure({ deadline: addDays(today, 30), text: `${tag}限期措施`, outcome: '推进中' });
      const exported = (await api.as('inspector', { method: 'GET', url: `/api/rounds/${api.roundId}/ledger.xlsx?q=${encodeURIComponent(tag)}` })).rawPayload;
      const parsed = await parseLedgerXlsx(exported);
      const byText = new Map(parsed.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).map((m) => [m.text, m]));
      expect([monthly, quarterly, dated].map((m) => byText.get(m.text)?.checkInCadence)).toEqual(['monthly', 'quarterly', null]);
      // The sheet as people read it: 报送周期 in words, the last check-in's day.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('整改台账')!;
      const column = (header: string) => (sheet.getRow(2).values as unknown[]).indexOf(header);
      const rowOf = (text: string) => byText.get(text)!.rowNumber;
      expect(sheet.getRow(rowOf(monthly.text)).getCell(column('报送周期')).value).toBe('每月');
      expect(sheet.getRow(rowOf(monthly.text)).getCell(column('最近报送日期')).value).toBe(today);
      expect(sheet.getRow(rowOf(quarterly.text)).getCell(column('报送周期')).value).toBe('每季度');

      const preview = async (bytes: Buffer) => json<LedgerImportPlan>(await api.request({ method: 'POST', url: `/api/rounds/${api.roundId}/ledger/import/preview`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } }));
      const rows = (plan: LedgerImportPlan) => new Map(plan.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).map((m) => [m.text, m]));
      // Its own export changes nothing.
      const same = rows(await preview(exported));
      for (const m of [monthly, quarterly, dated]) expect({ text: m.text, action: same.get(m.text)?.action, changes: same.get(m.text)?.changes }).toEqual({ text: m.text, action: 'update', changes: [] });
      expect(same.get(monthly.text)?.values.checkInCadence).toBe('monthly');

      // 每季度 typed over 每月: the preview says what it replaces, the import writes it (audited).
      sheet.getRow(rowOf(monthly.text)).getCell(column('报送周期')).value = '按季度';
      const edited = Buffer.from(await wb.xlsx.writeBuffer());
      expect(rows(await preview(edited)).get(monthly.text)?.changes).toEqual([{ field: 'checkInCadence', from: 'monthly' }]);
      const imported = await api.request({ method: 'POST', url: `/api/rounds/${api.roundId}/ledger/import`, payload: edited, headers: { 'content-type': 'application/octet-stream' } });
      expect(imported.statusCode).toBe(200);
      expect(await measure(monthly.id)).toMatchObject({ checkInCadence: 'quarterly', lastCheckInOn: today, nextCheckInDue: addDays(today, 92) });
      const history = json<AuditEntry[]>(await api.request({ method: 'GET', url: `/api/measures/${monthly.id}/history` }));
      expect(history.some((e) => e.entity === 'measure' && e.action === 'update' && 'checkInCadence' in e.changes)).toBe(true);

      // A cadence it cannot read is a row error: nothing is imported.
      sheet.getRow(rowOf(quarterly.text)).getCell(column('报送周期')).value = '每年';
      const bad = await api.request({ method: 'POST', url: `/api/rounds/${api.roundId}/ledger/import`, payload: Buffer.from(await wb.xlsx.writeBuffer()), headers: { 'content-type': 'application/octet-stream' } });
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(json<{ error: { details: unknown } }>(bad).error.details)).toContain('报送周期');
      expect((await measure(quarterly.id)).checkInCadence).toBe('quarterly');
      expect((await measure(monthly.id)).checkInCadence).toBe('quarterly');
    });

    it('gives a new long-term measure no deadline unless one is said (by hand and from a ledger row), so it is never overdue by the round’s date', async () => {
      const round = json<{ rectificationDeadline: string | null }>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}` }));
      expect(round.rectificationDeadline).not.toBeNull();
      const byHand = await b.measure({ kind: 'long_term', checkInCadence: 'monthly', deadline: undefined });
      expect(byHand).toMatchObject({ kind: 'long_term', deadline: null, overdue: false });
      // A dated measure without a date still starts with the round's 整改时限.
      expect((await b.measure({ deadline: undefined })).deadline).toBe(round.rectificationDeadline);

      // A ledger row that says 长期坚持 where the date would be: created without one.
      const tag = b.unique('长效台账');
      const exported = (await api.as('inspector', { method: 'GET', url: `/api/rounds/${api.roundId}/ledger.xlsx?q=${encodeURIComponent(b.unique('无此措施'))}` })).rawPayload;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('整改台账')!;
      const column = (header: string) => (sheet.getRow(2).values as unknown[]).indexOf(header);
      const row = sheet.getRow(3);
      row.getCell(column('方面')).value = '（一）长效机制方面';
      row.getCell(column('具体问题')).value = '1.长效机制不健全';
      row.getCell(column('整改措施')).value = `${tag}每月开展一次警示教育`;
      row.getCell(column('完成时限')).value = '长期坚持';
      row.getCell(column('报送周期')).value = '每月';
      const imported = await api.request({ method: 'POST', url: `/api/rounds/${api.roundId}/ledger/import`, payload: Buffer.from(await wb.xlsx.writeBuffer()), headers: { 'content-type': 'application/octet-stream' } });
      expect(imported.statusCode).toBe(200);
      const found = json<{ items: { id: number; text: string }[] }>(await api.request({ method: 'GET', url: `/api/measures?roundId=${api.roundId}&q=${encodeURIComponent(tag)}` })).items;
      expect(found).toHaveLength(1);
      expect(await measure(found[0]!.id)).toMatchObject({ kind: 'long_term', deadline: null, overdue: false, checkInCadence: 'monthly' });
    });
    it('colours the ledger’s 预警等级 with the level the measure page shows, and its import ignores the column', async () => {
      const tag = b.unique('预警台账');
      const levels = {
        overdue: await b.measure({ deadline: addDays(today, -2), text: `${tag}逾期` }),
        urgent: await b.measure({ deadline: addDays(today, 4), text: `${tag}临期` }),
        due_soon: await b.measure({ deadline: addDays(today, 15), text: `${tag}将到期`, startDate: today }),
        none: await b.measure({ deadline: addDays(today, 90), text: `${tag}正常`, startDate: today }),
      };
      for (const [level, m] of Object.entries(levels)) expect((await measure(m.id)).warningLevel, level).toBe(level);
      const exported = (await api.as('inspector', { method: 'GET', url: `/api/rounds/${api.roundId}/ledger.xlsx?q=${encodeURIComponent(tag)}` })).rawPayload;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('整改台账')!;
      const column = (sheet.getRow(2).values as unknown[]).indexOf('预警等级');
      expect(column).toBeGreaterThan(0);
      const parsed = await parseLedgerXlsx(exported);
      const rowOf = new Map(parsed.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).map((m) => [m.text, m.rowNumber]));
      const cell = (m: { text: string }) => sheet.getRow(rowOf.get(m.text)!).getCell(column);
      expect(cell(levels.overdue).value).toBe('红色预警（已逾期）');
      expect(cell(levels.urgent).value).toBe('黄色预警（临期或滞后）');
      expect(cell(levels.due_soon).value).toBe('绿色预警（即将到期）');
      expect(cell(levels.none).value ?? '').toBe('');
      expect((cell(levels.urgent).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
      expect((cell(levels.due_soon).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9F2D0');
      expect(parsed.errors).toEqual([]);
      expect(parsed.warnings.filter((w) => JSON.stringify(w).includes('预警'))).toEqual([]);

      // The dashboard's level filter carries into the export: the rows of that level only.
      const urgentOnly = json<{ rows: { measure: string; warningLevel: string }[] }>(
        await api.as('inspector', { method: 'GET', url: `/api/rounds/${api.roundId}/ledger.json?q=${encodeURIComponent(tag)}&warningLevel=urgent` }),
      ).rows;
      expect(urgentOnly.map((r) => [r.measure, r.warningLevel])).toEqual([[levels.urgent.text, 'urgent']]);
      expect((await api.as('inspector', { method: 'GET', url: `/api/rounds/${api.roundId}/ledger.json?warningLevel=purple` })).statusCode).toBe(400);
    });
    it('exports 原定时限 / 调整后时限 / 延期原因 in the ledger, and imports them as an approved postponement', async () => {
      const m = await b.measure({ deadline: addDays(today, 3), text: b.unique('台账延期措施') });
      const p = json<Postponement>(await api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/postponements`, payload: { requestedDeadline: addDays(today, 33), reason: '等待设备到货' } }));
      await api.request({ method: 'POST', url: `/api/postponements/${p.id}/approve`, payload: {} });
      const exported = await api.as('inspector', { method: 'GET', url: `/api/rounds/${api.roundId}/ledger.xlsx` });
      expect(exported.statusCode).toBe(200);
      const parsed = await parseLedgerXlsx(exported.rawPayload);
      const row = parsed.categories.flatMap((c) => c.problems.flatMap((x) => x.measures)).find((x) => x.text === m.text)!;
      expect(row).toMatchObject({ deadline: addDays(today, 33), originalDeadline: addDays(today, 3), adjustedDeadline: addDays(today, 33), postponementReason: '等待设备到货' });

      // A ledger from elsewhere that records a postponement: imported into a new round as an approved one.
      const round = json<{ id: number }>(await api.request({ method: 'POST', url: '/api/rounds', payload: { committee: '测试委员会', roundName: '第十轮', groupName: '第二巡察组', inspectedUnitId: w.organizationId } }));
      const rows: LedgerRow[] = [{
        categoryOrdinal: 1, category: '测试方面', problemOrdinal: 1, problem: '测试问题', manifestations: [], measureOrdinal: 1, measure: '导入的延期措施',
        leader: null, leadDepartment: null, coDepartments: [], deadline: '2023-12-31', status: 'in_progress', completedDate: null, progressText: null, evidence: [], overdue: false,
        originalDeadline: '2023-06-30', postponementReasons: ['汛期影响施工'],
      }];
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await writeLedgerXlsx(rows, out, { title: '测试', today });
      const imported = await api.request({ method: 'POST', url: `/api/rounds/${round.id}/ledger/import`, payload: Buffer.concat(chunks), headers: { 'content-type': 'application/octet-stream' } });
      expect(imported.statusCode).toBe(200);
      const measure = await api.db.measure.findFirstOrThrow({ where: { roundId: round.id, text: '导入的延期措施' }, include: { postponements: true } });
      expect(measure).toMatchObject({ deadline: '2023-12-31', originalDeadline: '2023-06-30', postponementCount: 1 });
      expect(measure.postponements).toMatchObject([{ state: 'approved', previousDeadline: '2023-06-30', requestedDeadline: '2023-12-31', reason: '汛期影响施工' }]);
    });
  });
}
