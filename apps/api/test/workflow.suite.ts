import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REOPENED_PROGRESS_MAX, type AuditEntry, type AuditPage, type ClosurePage, type ClosureQueueItem, type EvidenceItem, type MeasureDetail, type MeasurePage, type MyTaskCounts, type MyTasks, type NotificationList, type UserAccount } from '@rectify/domain';
import { createMailerFromEnv, type MailMessage } from '../src/lib/mailer.js';
import { DEMO_PASSWORD } from '../src/modules/auth/demo-accounts.js';
import { hashToken } from '../src/modules/auth/sessions.js';
import { REPORT_DAY, sessionCookie, startApi, type TestApi, type TestDatabase } from './harness.js';
import { builders, files, fingerprint, json, multipart, world, type World } from './fixtures.js';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Sign-in, accounts, my tasks, progress, evidence, closure, audit, notifications and e-mail. */
export function workflowSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`roles and workflow on ${label}`, () => {
    let api: TestApi;
    let w: World;
    let b: ReturnType<typeof builders>;
    const sent: MailMessage[] = [];

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db, { app: { mailer: { send: async (m) => void sent.push(m) } } });
      w = await world(api);
      b = builders(api, w);
    });
    afterAll(async () => {
      await api?.close();
    });

    const as = (user: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      api.as(user, { method, url, payload: payload as object, headers });
    const login = (username: string, password: string) => api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

    describe('sign-in', () => {
      it('signs in with a session cookie and answers who is signed in', async () => {
        const res = await login('officer', DEMO_PASSWORD);
        expect(res.statusCode).toBe(200);
        const cookie = res.cookies.find((c) => c.name === 'rectify_session')!;
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
        expect(cookie.secure).toBeFalsy(); // plain http here; https requests get Secure
        expect(cookie.maxAge).toBe(7 * 24 * 3600);
        const { user } = json<{ user: { username: string; role: string; person: { name: string; department: { name: string } }; access: string[] } }>(res);
        expect(user).toMatchObject({ username: 'officer', role: 'officer', person: { department: { name: '体育股' } } });
        expect(user.access).toContain('measure.progress');
        expect(user.access).not.toContain('hierarchy.write');
        const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: sessionCookie(res) });
        expect(json<{ user: { username: string } }>(me).user.username).toBe('officer');
        // The database holds the token's hash, never the token.
        expect(await api.db.session.count({ where: { id: cookie.value } })).toBe(0);

        expect((await api.app.inject({ method: 'POST', url: '/api/auth/logout', headers: sessionCookie(res) })).statusCode).toBe(200);
        expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: sessionCookie(res) })).statusCode).toBe(401);
      });

      it('links the demo leader and officer to the owners of the open measure', async () => {
        const overdue = json<MeasurePage>(await as('leader', 'GET', `/api/measures?roundId=${api.roundId}&overdue=true`)).items[0]!;
        expect(overdue.leader?.id).toBe(w.leaderPersonId);
        expect(overdue.leadDepartment?.id).toBe(w.officerDepartmentId);
      });

      it('answers a wrong password, an unknown name and a bad cookie alike, in Chinese or English', async () => {
        const wrong = await login('office', 'not-the-password');
        const unknown = await login('nobody', 'whatever-password');
        for (const res of [wrong, unknown]) {
          expect(res.statusCode).toBe(401);
          expect(json<ErrorBody>(res).error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确' });
        }
        const en = await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: 'x' }, headers: { 'accept-language': 'en' } });
        expect(json<ErrorBody>(en).error.message).toBe('Wrong username or password');
        expect((await login('', '')).statusCode).toBe(400);
        expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'rectify_session=forged' } })).statusCode).toBe(401);
        // Usernames are case-insensitive.
        expect((await login('OFFICE', DEMO_PASSWORD)).statusCode).toBe(200);
      });

      it('slows down guessing: five failures for one name and address, then 429 even for the right password', async () => {
        const user = await b.user();
        const { username: name } = await api.db.user.findUniqueOrThrow({ where: { id: user.id } });
        for (let i = 0; i < 5; i++) expect((await login(name, 'wrong-password')).statusCode).toBe(401);
        const blocked = await login(name, 'password-1234');
        expect(blocked.statusCode).toBe(429);
        expect(json<ErrorBody>(blocked).error.code).toBe('TOO_MANY_ATTEMPTS');
      });

      it('ends expired sessions', async () => {
        const cookie = sessionCookie(await login('inspector', DEMO_PASSWORD));
        const id = hashToken(cookie.cookie.split('=')[1]!);
        await api.db.session.update({ where: { id }, data: { expiresAt: new Date('2023-01-01T00:00:00Z') } });
        expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie })).statusCode).toBe(401);
      });

      it('answers GET /api/auth/me from the session’s memory, and an account edit shows at once', async () => {
        const created = json<UserAccount>(await as('admin', 'POST', '/api/users', { username: 'li.si', password: 'first-password', role: 'officer', email: 'lisi@example.com' }));
        const cookie = sessionCookie(await login('li.si', 'first-password'));
        const me = async () => json<{ user: { email: string | null; role: string } }>(await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie })).user;
        expect(await me()).toMatchObject({ email: 'lisi@example.com', role: 'officer' });
        // Remembered: a change behind the API's back is not seen within the memory's few seconds…
        await api.db.user.update({ where: { id: created.id }, data: { email: 'behind@example.com' } });
        expect((await me()).email).toBe('lisi@example.com');
        // …but an edit through the API is, on the next request.
        const fresh = json<UserAccount[]>(await as('admin', 'GET', '/api/users')).find((u) => u.id === created.id)!;
        expect((await as('admin', 'PATCH', `/api/users/${created.id}`, { version: fresh.version, email: 'li.si@example.com', role: 'leader' })).statusCode).toBe(200);
        expect(await me()).toMatchObject({ email: 'li.si@example.com', role: 'leader' });
      });

      it('changes one’s own password, and the admin resets others’, ending their sessions', async () => {
        const created = json<UserAccount>(await as('admin', 'POST', '/api/users', { username: 'Zhang.San', password: 'first-password', role: 'officer', personId: w.leaderPersonId, email: 'zhangsan@example.com' }));
        expect(created).toMatchObject({ username: 'zhang.san', role: 'officer', active: true, person: { id: w.leaderPersonId } });
        expect(JSON.stringify(created)).not.toContain('scrypt');
        expect((await as('admin', 'POST', '/api/users', { username: 'zhang.san', password: 'first-password', role: 'officer' })).statusCode).toBe(409);
        expect((await as('admin', 'POST', '/api/users', { username: 'short', password: '1234567', role: 'officer' })).statusCode).toBe(400);

        const cookie = sessionCookie(await login('zhang.san', 'first-password'));
        const self = (payload: unknown) => api.app.inject({ method: 'POST', url: '/api/auth/password', payload: payload as object, headers: cookie });
        expect(json<ErrorBody>(await self({ currentPassword: 'wrong-password', newPassword: 'second-password' })).error.code).toBe('WRONG_PASSWORD');
        expect((await self({ currentPassword: 'first-password', newPassword: 'short' })).statusCode).toBe(400);
        expect((await self({ currentPassword: 'first-password', newPassword: 'second-password' })).statusCode).toBe(200);
        expect((await login('zhang.san', 'first-password')).statusCode).toBe(401);
        expect((await login('zhang.san', 'second-password')).statusCode).toBe(200);

        expect((await as('admin', 'POST', `/api/users/${created.id}/password`, { newPassword: 'reset-by-admin' })).statusCode).toBe(200);
        expect((await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie })).statusCode).toBe(401);
        expect((await login('zhang.san', 'reset-by-admin')).statusCode).toBe(200);

        const patched = json<UserAccount>(await as('admin', 'PATCH', `/api/users/${created.id}`, { version: created.version + 2, role: 'inspector', active: false }));
        expect(patched).toMatchObject({ role: 'inspector', active: false });
        expect((await login('zhang.san', 'reset-by-admin')).statusCode).toBe(401);
        expect((await as('admin', 'PATCH', `/api/users/${created.id}`, { version: 0, active: true })).statusCode).toBe(409);
        const adminId = w.userIds.admin!;
        const admin = json<UserAccount[]>(await as('admin', 'GET', '/api/users')).find((u) => u.id === adminId)!;
        expect(json<ErrorBody>(await as('admin', 'PATCH', `/api/users/${adminId}`, { version: admin.version, active: false })).error.code).toBe('SELF_LOCKOUT');

        // The audit log has the account's changes, never a password or its hash (an account of no unit: admin reads it).
        const log = json<AuditPage>(await as('admin', 'GET', `/api/audit?entity=user&id=${created.id}`));
        expect(log.items.map((e) => e.action).sort()).toEqual(['create', 'password_change', 'password_reset', 'update']);
        expect(JSON.stringify(log)).not.toMatch(/scrypt|password-|passwordHash/);
      });
    });

    describe('officers', () => {
      it('lists my tasks: the measures I answer for, overdue first, then by deadline, with counts', async () => {
        await b.measure({ deadline: '2023-08-22', text: '下周到期的措施' });
        await b.measure({ deadline: '2023-12-31', text: '年底到期的措施' });
        await b.measure({ deadline: '2023-08-30', text: '两周内到期的措施' });
        await b.measure({ deadline: '2023-08-29', kind: 'long_term', text: '长期坚持的措施' });
        await b.measure({ deadline: '2023-08-01', leaderId: null, leadDepartmentId: w.otherDepartmentId, text: '别人的措施' });
        const tasks = json<MyTasks>(await as('officer', 'GET', '/api/me/tasks'));
        // One page holds them all (the default limit is 50): its total is the list's, and no cursor.
        expect(tasks).toMatchObject({ total: tasks.items.length, nextCursor: null });
        expect(tasks.items[0]).toMatchObject({ overdue: true, deadline: '2023-07-31' });
        const deadlines = tasks.items.filter((t) => !t.overdue).map((t) => t.deadline ?? '9999');
        expect(deadlines).toEqual([...deadlines].sort());
        expect(tasks.items.some((t) => t.text === '别人的措施')).toBe(false);
        expect(tasks.items.every((t) => t.status !== 'closed')).toBe(true);
        expect(tasks.counts).toMatchObject({ total: tasks.items.length, overdue: 1, dueSoon: 1 });
        // Due in the next 14 days (the dashboard's figure, for one's own): today … today + 14, open, not long-term.
        expect(tasks.counts.dueNext14).toBe(tasks.items.filter((t) => t.dueNext14).length);
        const within = tasks.items.filter((t) => t.dueNext14).map((t) => t.text);
        expect(within).toEqual(expect.arrayContaining(['下周到期的措施', '两周内到期的措施']));
        expect(within).not.toContain('长期坚持的措施');
        expect(within).not.toContain('年底到期的措施');
        expect(tasks.items.filter((t) => t.dueNext14).every((t) => t.deadline! >= '2023-08-18' && t.deadline! <= '2023-09-01')).toBe(true);
        const leaderTasks = json<MyTasks>(await as('leader', 'GET', '/api/me/tasks'));
        expect(leaderTasks.items.every((t) => t.leader?.id === w.leaderPersonId)).toBe(true);
        expect(json<MyTasks>(await as('inspector', 'GET', '/api/me/tasks')).counts.total).toBe(0);
        const withClosed = json<MyTasks>(await as('leader', 'GET', '/api/me/tasks?includeClosed=true'));
        expect(withClosed.total).toBeGreaterThan(leaderTasks.total);
        expect(leaderTasks.total).toBe(leaderTasks.counts.total);
        // The menu badge's counts come from the database without the list, and are the list's.
        for (const [who, list] of [['officer', tasks], ['leader', leaderTasks], ['leader', withClosed]] as const) {
          expect(json<MyTaskCounts>(await as(who, 'GET', '/api/me/tasks/counts'))).toEqual({ today: list.today, counts: list.counts });
        }
        expect(json<MyTaskCounts>(await as('inspector', 'GET', '/api/me/tasks/counts')).counts).toEqual({ total: 0, overdue: 0, dueSoon: 0, dueNext14: 0, pendingClosure: 0, rejected: 0 });
        expect(tasks.counts.dueSoon).toBe(tasks.items.filter((t) => t.dueSoon).length);
        expect(tasks.counts.pendingClosure).toBe(tasks.items.filter((t) => t.status === 'pending_closure').length);
      });

      it('pages my tasks (keyset): open by deadline, undated last, closed after; each row once across pages, whatever the limit', async () => {
        // An account of its own, so that the list is exactly what this test made.
        const person = json<{ id: number }>(await as('admin', 'POST', '/api/people', { organizationId: w.organizationId, name: b.unique('分页人') }));
        const username = b.unique('pager');
        expect((await as('admin', 'POST', '/api/users', { username, password: DEMO_PASSWORD, role: 'officer', personId: person.id })).statusCode).toBe(201);
        const mine = { leaderId: person.id, leadDepartmentId: null };
        const made: { id: number; deadline: string | null; kind: string; closed: boolean }[] = [];
        const add = async (deadline: string | null, kind = 'deadline') => {
          const m = await b.measure({ ...mine, deadline, kind });
          made.push({ id: m.id, deadline, kind, closed: false });
        };
        // Today is 2023-08-18. A long-term measure with a passed deadline is overdue like any other.
        for (const [deadline, kind] of [['2023-08-17'], ['2023-05-01'], ['2023-08-10', 'long_term'], [null], ['2023-08-25'], ['2023-09-02'], [REPORT_DAY], ['2023-08-25'], ['2023-08-20', 'long_term'], ['2023-09-01'], [null]] as const) {
          await add(deadline, kind);
        }
        const pending = await b.pending({ ...mine, deadline: '2023-08-19' });
        made.push({ id: pending.measure.id, deadline: '2023-08-19', kind: 'deadline', closed: false });
        for (const deadline of ['2023-07-01', null, '2023-06-01']) {
          const m = await b.closed({ ...mine, deadline });
          made.push({ id: m.id, deadline, kind: 'deadline', closed: true });
        }
        const order = (rows: typeof made) =>
          [...rows].sort((x, y) => Number(x.closed) - Number(y.closed) || (x.deadline ?? '9999-12-31').localeCompare(y.deadline ?? '9999-12-31') || x.id - y.id).map((m) => m.id);
        const open = made.filter((m) => !m.closed);
        const next14 = open.filter((m) => m.kind !== 'long_term' && m.deadline !== null && m.deadline >= REPORT_DAY && m.deadline <= '2023-09-01');
        expect(next14).toHaveLength(5);

        const walk = async (query: string, limit: number) => {
          const ids: number[] = [];
          let cursor: string | null = null;
          let pages = 0;
          let first: MyTasks | undefined;
          do {
            const res = await as(username, 'GET', `/api/me/tasks?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
            expect(res.statusCode).toBe(200);
            const page = json<MyTasks>(res);
            first ??= page;
            expect(page.items.length).toBeLessThanOrEqual(limit);
            expect(page.total).toBe(first.total);
            ids.push(...page.items.map((t) => t.id));
            cursor = page.nextCursor;
            pages += 1;
          } while (cursor && pages < 100);
          expect(pages).toBe(Math.max(1, Math.ceil(ids.length / limit)));
          return { ids, first: first! };
        };
        for (const limit of [1, 4, 7, 12, 50]) {
          // Open ones only: overdue first, longest overdue first (the long-term one among them), then by deadline, undated last.
          const openWalk = await walk('', limit);
          expect(openWalk.ids).toEqual(order(open));
          expect(openWalk.first.total).toBe(open.length);
          // With closed ones: after every open one, in the same order (a page of 7 reaches from one into the other).
          const all = await walk('&includeClosed=true', limit);
          expect(all.ids).toEqual(order(made));
          expect(all.first.total).toBe(made.length);
          // Due in the next 14 days, filtered by the database; closed ones never are.
          expect((await walk('&dueNext14=true', limit)).ids).toEqual(order(next14));
          expect((await walk('&dueNext14=true&includeClosed=true', limit)).ids).toEqual(order(next14));
        }
        const firstPage = json<MyTasks>(await as(username, 'GET', '/api/me/tasks?limit=3'));
        const overdue = firstPage.items.filter((t) => t.overdue);
        expect(overdue.map((t) => t.daysOverdue)).toEqual([109, 8, 1]);
        expect(overdue.map((t) => t.kind)).toContain('long_term');
        expect(firstPage.items.map((t) => t.overdue)).toEqual([true, true, true]);
        // The filter's Prisma form counts what the badge's SQL form counts; the counts stay the badge's (open, unfiltered).
        const filtered = json<MyTasks>(await as(username, 'GET', '/api/me/tasks?dueNext14=true'));
        expect(filtered.total).toBe(filtered.counts.dueNext14);
        expect(filtered.items.every((t) => t.dueNext14)).toBe(true);
        expect(filtered.counts).toEqual(firstPage.counts);
        expect(filtered.counts).toMatchObject({ total: open.length, overdue: 3, dueNext14: 5, pendingClosure: 1 });
        expect(json<MyTaskCounts>(await as(username, 'GET', '/api/me/tasks/counts')).counts).toEqual(filtered.counts);

        // A page that ends in a closed measure (12 open, then the first closed one).
        const withClosedCursor = json<MyTasks>(await as(username, 'GET', `/api/me/tasks?includeClosed=true&limit=${open.length + 1}`)).nextCursor!;

        // Rows added between two pages: nothing repeats, nothing after the cursor is missed.
        const page1 = json<MyTasks>(await as(username, 'GET', '/api/me/tasks?limit=4'));
        const before = await b.measure({ ...mine, deadline: '2023-01-01' });
        const after = await b.measure({ ...mine, deadline: '2023-12-31' });
        const rest: number[] = [];
        let cursor = page1.nextCursor;
        while (cursor) {
          const page = json<MyTasks>(await as(username, 'GET', `/api/me/tasks?limit=4&cursor=${cursor}`));
          rest.push(...page.items.map((t) => t.id));
          cursor = page.nextCursor;
        }
        expect(rest).not.toContain(before.id);
        expect(rest).toContain(after.id);
        expect(new Set([...page1.items.map((t) => t.id), ...rest]).size).toBe(page1.items.length + rest.length);

        // A cursor that is not this list's is refused in the one error shape, not misread.
        const refused = async (url: string, code = 'INVALID_CURSOR') => {
          const res = await as(username, 'GET', url);
          expect(res.statusCode, url).toBe(400);
          const body = json<ErrorBody>(res);
          expect(Object.keys(body)).toEqual(['error']);
          expect(body.error).toMatchObject({ code, message: expect.any(String) });
        };
        const crafted = (...values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
        await refused('/api/me/tasks?cursor=bm90LWEtY3Vyc29y');
        await refused('/api/me/tasks?cursor=not*a*cursor');
        await refused(`/api/me/tasks?cursor=${withClosedCursor}`);
        await refused(`/api/me/tasks?includeClosed=true&dueNext14=true&cursor=${withClosedCursor}`);
        await refused(`/api/me/tasks?cursor=${json<MeasurePage>(await as('office', 'GET', `/api/measures?roundId=${api.roundId}&limit=1`)).nextCursor}`);
        await refused(`/api/me/tasks?cursor=${crafted('tasks:open:any', 1, null, 1)}`);
        await refused(`/api/me/tasks?includeClosed=true&cursor=${crafted('tasks:all:any', 2, null, 1)}`);
        await refused(`/api/me/tasks?cursor=${crafted('tasks:open:any', 0, 5, 1)}`);
        await refused('/api/me/tasks?limit=201', 'VALIDATION_FAILED');
        await refused('/api/me/tasks?limit=0', 'VALIDATION_FAILED');
        // The cursor of the page that ends in a closed measure continues among the closed ones.
        expect(json<MyTasks>(await as(username, 'GET', `/api/me/tasks?includeClosed=true&cursor=${withClosedCursor}`)).items.every((t) => t.status === 'closed')).toBe(true);
      });

      it('appends progress updates (never overwrites) and moves the measure on', async () => {
        const m = await b.measure();
        expect(m.status).toBe('not_started');
        const first = await as('officer', 'POST', `/api/measures/${m.id}/updates`, {
          date: '2023-08-10', text: '完成第一批器材维修', percent: 40, figures: [{ label: '维修健身器材', value: 55, unit: '件' }],
        });
        expect(first.statusCode).toBe(201);
        expect(json<{ authorUser: { username: string }; author: { id: number } }>(first)).toMatchObject({ authorUser: { username: 'officer' }, figures: [{ label: '维修健身器材', value: 55, unit: '件' }] });
        await as('officer', 'POST', `/api/measures/${m.id}/updates`, { date: '2023-08-15', text: '完成第二批', percent: 70 });
        const after = json<MeasureDetail>(await as('officer', 'GET', `/api/measures/${m.id}`));
        expect(after).toMatchObject({ status: 'in_progress', progress: 70, version: m.version + 2, myAccess: { update: true, progress: true, decideClosure: false, reopen: false } });
        expect(after.updates.map((u) => u.text)).toEqual(['完成第二批', '完成第一批器材维修']);
        expect(after.figures.some((f) => f.label === '维修健身器材')).toBe(true);
        // Bad input: a 400 naming the field, and nothing appended.
        for (const body of [{ date: '2023-02-30', text: 'x', percent: 1 }, { date: '2099-01-01', text: 'x', percent: 1 }, { date: '2023-08-01', text: '', percent: 1 }, { date: '2023-08-01', text: 'x', percent: 120 }]) {
          const res = await as('officer', 'POST', `/api/measures/${m.id}/updates`, body);
          expect(res.statusCode).toBe(400);
        }
        expect(json<MeasureDetail>(await as('officer', 'GET', `/api/measures/${m.id}`)).updates).toHaveLength(2);
        // No route edits or deletes an update.
        expect((await as('admin', 'PATCH', `/api/measures/${m.id}/updates`, {})).statusCode).toBe(404);
      });

      it('takes evidence by content: the right kinds, the name agreeing, at most 20 MB', async () => {
        const m = await b.measure();
        const upload = (name: string, bytes: Buffer, user = 'officer') => api.as(user, { method: 'POST', url: `/api/measures/${m.id}/evidence`, ...multipart(name, bytes) });
        for (const [name, bytes, mime] of [
          ['整改报告.pdf', files.pdf(), 'application/pdf'],
          ['现场照片.JPG', files.jpeg(), 'image/jpeg'],
          ['台账.xlsx', files.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          ['制度.docx', files.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
          ['会议纪要.doc', files.doc(), 'application/msword'],
        ] as const) {
          const res = await upload(name, bytes);
          expect({ name, status: res.statusCode }).toEqual({ name, status: 201 });
          expect(json<EvidenceItem>(res)).toMatchObject({ fileName: name, mimeType: mime, size: bytes.length, uploadedBy: { username: 'officer' } });
        }
        const before = await fingerprint(api);
        const fake = await upload('伪装的报告.pdf', files.png());
        expect(fake.statusCode).toBe(415);
        expect(json<ErrorBody>(fake).error).toMatchObject({ code: 'FILE_TYPE_MISMATCH', details: { detected: 'png', extension: 'pdf' } });
        expect(json<ErrorBody>(fake).error.message).toContain('扩展名不符');
        const exe = await upload('工具.pdf', files.exe());
        expect(json<ErrorBody>(exe).error.code).toBe('FILE_TYPE_NOT_ALLOWED');
        expect(exe.statusCode).toBe(415);
        const huge = await upload('大文件.pdf', Buffer.concat([files.pdf(), Buffer.alloc(20 * 1024 * 1024)]));
        expect(huge.statusCode).toBe(413);
        expect(json<ErrorBody>(huge).error.code).toBe('FILE_TOO_LARGE');
        const notMultipart = await as('officer', 'POST', `/api/measures/${m.id}/evidence`, { file: 'x' });
        expect(notMultipart.statusCode).toBe(415);
        expect(await fingerprint(api)).toEqual(before);

        const list = json<EvidenceItem[]>(await as('inspector', 'GET', `/api/measures/${m.id}/evidence`));
        expect(list.map((e) => e.fileName)).toEqual(['整改报告.pdf', '现场照片.JPG', '台账.xlsx', '制度.docx', '会议纪要.doc']);
        // Stored once by content hash, outside the database.
        const again = json<EvidenceItem>(await upload('同一份报告.pdf', files.pdf()));
        expect(again.sha256).toBe(list[0]!.sha256);
        const { readdirSync } = await import('node:fs');
        expect(readdirSync(`${api.evidenceDir}/${again.sha256.slice(0, 2)}`)).toContain(again.sha256);

        const download = await as('inspector', 'GET', `/api/evidence/${list[0]!.id}/download`);
        expect(download.statusCode).toBe(200);
        expect(download.headers['content-type']).toBe('application/pdf');
        expect(download.headers['content-disposition']).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('整改报告.pdf')}`);
        expect(download.headers['x-content-type-options']).toBe('nosniff');
        expect(download.rawPayload.equals(files.pdf())).toBe(true);
        expect((await as(null, 'GET', `/api/evidence/${list[0]!.id}/download`)).statusCode).toBe(401);
        expect((await as('inspector', 'GET', '/api/evidence/999999/download')).statusCode).toBe(404);
      });

      it('needs evidence to submit for closure; a pending measure cannot be submitted twice', async () => {
        const m = await b.measure();
        const before = await fingerprint(api);
        const bare = await as('officer', 'POST', `/api/measures/${m.id}/closure`, { summary: '已完成' });
        expect(bare.statusCode).toBe(400);
        expect(json<ErrorBody>(bare).error).toMatchObject({ code: 'EVIDENCE_REQUIRED', message: '申请销号前请至少上传一份佐证材料' });
        expect(await fingerprint(api)).toEqual(before);
        await api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/evidence`, ...multipart('a.pdf', files.pdf()) });
        const submitted = await as('officer', 'POST', `/api/measures/${m.id}/closure`, { summary: '已完成全部维修' });
        expect(submitted.statusCode).toBe(201);
        expect(json<{ state: string; requestedBy: { username: string } }>(submitted)).toMatchObject({ state: 'pending', requestedBy: { username: 'officer' } });
        expect(json<MeasureDetail>(await as('officer', 'GET', `/api/measures/${m.id}`))).toMatchObject({ status: 'pending_closure', latestClosure: { state: 'pending' }, evidenceCount: 1 });
        expect(json<ErrorBody>(await as('officer', 'POST', `/api/measures/${m.id}/closure`, { summary: '再次' })).error.code).toBe('CLOSURE_PENDING');
      });
    });

    describe('closure', () => {
      it('queues pending closures: all for the office, the led ones for a leader', async () => {
        const mine = await b.pending();
        const notLed = await b.measure({ leaderId: null });
        await b.evidence(notLed.id);
        await as('admin', 'POST', `/api/measures/${notLed.id}/closure`, { summary: '完成' });
        const officePage = json<ClosurePage>(await as('office', 'GET', '/api/closures'));
        const office = officePage.items;
        expect(officePage.total).toBe(office.length);
        const leader = json<ClosurePage>(await as('leader', 'GET', '/api/closures?state=pending')).items;
        // One at a time to the end: every request once, oldest first.
        const walked: ClosureQueueItem[] = [];
        let cursor: string | null = null;
        do {
          const page: ClosurePage = json<ClosurePage>(await as('office', 'GET', `/api/closures?limit=1${cursor ? `&cursor=${cursor}` : ''}`));
          walked.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(walked.map((c) => c.id)).toEqual(office.map((c) => c.id));
        expect((await as('office', 'GET', '/api/closures?state=all&cursor=%%%')).statusCode).toBe(400);
        expect(office.map((c) => c.measureId)).toEqual(expect.arrayContaining([mine.measure.id, notLed.id]));
        expect(leader.map((c) => c.measureId)).toContain(mine.measure.id);
        expect(leader.map((c) => c.measureId)).not.toContain(notLed.id);
        expect(office.every((c) => c.state === 'pending' && c.evidenceCount >= 1 && c.measure.path.round.id > 0)).toBe(true);
      });

      it('approves: closed today, locked against every edit until reopened; the owners are notified', async () => {
        const { measure, closure } = await b.pending();
        const approved = await as('leader', 'POST', `/api/closures/${closure.id}/approve`, { version: closure.version });
        expect(approved.statusCode).toBe(200);
        expect(json<{ state: string; decidedBy: { username: string } }>(approved)).toMatchObject({ state: 'approved', decidedBy: { username: 'leader' } });
        const closed = json<MeasureDetail>(await as('office', 'GET', `/api/measures/${measure.id}`));
        expect(closed).toMatchObject({ status: 'closed', completedDate: '2023-08-18', progress: 100, locked: true, myAccess: { reopen: true } });
        expect(json<ErrorBody>(await as('office', 'POST', `/api/closures/${closure.id}/approve`)).error.code).toBe('CLOSURE_NOT_PENDING');
        expect(json<ErrorBody>(await as('office', 'POST', `/api/closures/${closure.id}/approve`, { version: 99 })).error.code).toBe('CLOSURE_NOT_PENDING');

        const before = await fingerprint(api);
        const attempts = [
          await as('office', 'PATCH', `/api/measures/${measure.id}`, { version: closed.version, outcome: '改' }),
          await as('officer', 'PATCH', `/api/measures/${measure.id}`, { version: closed.version, progress: 50 }),
          await as('officer', 'POST', `/api/measures/${measure.id}/updates`, { date: '2023-08-18', text: '追加', percent: 100 }),
          await api.as('officer', { method: 'POST', url: `/api/measures/${measure.id}/evidence`, ...multipart('b.pdf', files.pdf()) }),
          await as('officer', 'POST', `/api/measures/${measure.id}/closure`, { summary: '再次' }),
          await as('office', 'DELETE', `/api/measures/${measure.id}`),
        ];
        for (const res of attempts) {
          expect(res.statusCode).toBe(409);
          expect(json<ErrorBody>(res).error.code).toBe('MEASURE_LOCKED');
        }
        expect(await fingerprint(api)).toEqual(before);

        const notes = json<NotificationList>(await as('officer', 'GET', '/api/notifications'));
        expect(notes.items.find((n) => n.kind === 'closure_approved' && n.measureId === measure.id)).toBeTruthy();
      });

      it('rejects with a reason the officer sees on the measure and in notifications; resubmits; approves', async () => {
        const { measure, closure } = await b.pending();
        expect((await as('office', 'POST', `/api/closures/${closure.id}/reject`, {})).statusCode).toBe(400);
        expect((await as('office', 'POST', `/api/closures/${closure.id}/reject`, { reason: '' })).statusCode).toBe(400);
        const rejected = await as('office', 'POST', `/api/closures/${closure.id}/reject`, { reason: '缺少维修验收单' });
        expect(json<{ state: string; reason: string }>(rejected)).toMatchObject({ state: 'rejected', reason: '缺少维修验收单' });
        const seen = json<MeasureDetail>(await as('officer', 'GET', `/api/measures/${measure.id}`));
        expect(seen).toMatchObject({ status: 'in_progress', locked: false, latestClosure: { state: 'rejected', reason: '缺少维修验收单', decidedBy: { username: 'office' } } });
        const notes = json<NotificationList>(await as('officer', 'GET', '/api/notifications'));
        const note = notes.items.find((n) => n.kind === 'closure_rejected' && n.measureId === measure.id)!;
        expect(note.text).toContain('缺少维修验收单');
        expect(notes.unread).toBeGreaterThan(0);
        const tasks = json<MyTasks>(await as('officer', 'GET', '/api/me/tasks'));
        expect(tasks.items.find((t) => t.id === measure.id)?.latestClosure).toMatchObject({ state: 'rejected', reason: '缺少维修验收单' });
        expect(tasks.counts.rejected).toBe(tasks.items.filter((t) => t.latestClosure?.state === 'rejected' && t.status === 'in_progress').length);
        expect(tasks.counts.rejected).toBeGreaterThanOrEqual(1);
        expect(json<MyTaskCounts>(await as('officer', 'GET', '/api/me/tasks/counts')).counts).toEqual(tasks.counts);

        await api.as('officer', { method: 'POST', url: `/api/measures/${measure.id}/evidence`, ...multipart('验收单.png', files.png()) });
        const again = json<{ id: number }>(await as('officer', 'POST', `/api/measures/${measure.id}/closure`, { summary: '已补充验收单' }));
        expect((await as('office', 'POST', `/api/closures/${again.id}/approve`)).statusCode).toBe(200); // no body needed
        expect(json<MeasureDetail>(await as('leader', 'GET', `/api/measures/${measure.id}`)).status).toBe('closed');
      });

      it('reopens a closed measure with a reason, keeping the history', async () => {
        const measure = await b.closed();
        expect(json<ErrorBody>(await as('office', 'POST', `/api/measures/${(await b.measure()).id}/reopen`, { reason: 'x' })).error.code).toBe('MEASURE_NOT_CLOSED');
        expect((await as('office', 'POST', `/api/measures/${measure.id}/reopen`, {})).statusCode).toBe(400);
        const reopened = json<MeasureDetail>(await as('office', 'POST', `/api/measures/${measure.id}/reopen`, { reason: '回头看发现问题反弹' }));
        expect(reopened).toMatchObject({ status: 'in_progress', completedDate: null, locked: false, latestClosure: { state: 'reopened', reopenReason: '回头看发现问题反弹', reopenedBy: { username: 'office' } } });
        // Closed meant 100 %; reopened it is not finished, so below it (transitions.reopen).
        expect(reopened.progress).toBe(REOPENED_PROGRESS_MAX);
        const history = json<AuditEntry[]>(await as('inspector', 'GET', `/api/measures/${measure.id}/history`));
        const actions = history.map((h) => `${h.entity}:${h.action}`);
        expect(actions).toEqual(expect.arrayContaining(['measure:create', 'evidence:create', 'closure:submit', 'closure:approve', 'closure:reopen', 'measure:reopen']));
        expect(history.find((h) => h.entity === 'measure' && h.action === 'reopen')!.changes).toEqual({ reason: { before: null, after: '回头看发现问题反弹' } });
        expect(history.find((h) => h.entity === 'closure' && h.action === 'approve')!.changes.state).toEqual({ before: 'pending', after: 'approved' });
        expect(history[0]!.actor).toMatchObject({ username: 'office' });
      });
    });

    describe('audit', () => {
      it('records every change with who, when, and the fields before and after', async () => {
        const m = await b.measure();
        const edited = json<MeasureDetail>(await as('officer', 'PATCH', `/api/measures/${m.id}`, { version: m.version, progress: 35, outcome: '已开展' }));
        const page = json<AuditPage>(await as('office', 'GET', `/api/audit?entity=measure&id=${m.id}`));
        expect(page.items.map((e) => e.action)).toEqual(['update', 'create']);
        expect(page.items[0]).toMatchObject({
          actor: { username: 'officer' },
          changes: { progress: { before: 0, after: 35 }, outcome: { before: null, after: '已开展' }, version: { before: 0, after: 1 } },
        });
        expect(page.items[0]!.changes).not.toHaveProperty('text');
        expect(edited.version).toBe(1);
        // Dated by the app's injected clock (here the report day's), not the machine's: a history
        // written under a fixed clock replays on that clock's days.
        expect(page.items.map((e) => e.at)).toEqual(page.items.map(() => api.app.clock.now().toISOString()));

        const category = json<{ id: number; version: number }>(await as('office', 'POST', '/api/categories', { roundId: api.roundId, title: '临时方面' }));
        await as('office', 'PATCH', `/api/categories/${category.id}`, { version: 0, title: '改名的方面' });
        await as('office', 'DELETE', `/api/categories/${category.id}`);
        const trail = json<AuditPage>(await as('admin', 'GET', `/api/audit?entity=category&id=${category.id}`));
        expect(trail.items.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
        expect(trail.items[1]!.changes.title).toEqual({ before: '临时方面', after: '改名的方面' });
        expect(trail.items[0]!.changes.title).toEqual({ before: '改名的方面', after: null });

        // A refused or failed write leaves no trace.
        const count = await api.db.auditLog.count();
        await as('office', 'PATCH', `/api/measures/${m.id}`, { version: 0, progress: 1 }); // stale
        await as('inspector', 'PATCH', `/api/measures/${m.id}`, { version: 1, progress: 1 }); // forbidden
        expect(await api.db.auditLog.count()).toBe(count);

        const first = json<AuditPage>(await as('office', 'GET', '/api/audit?limit=5'));
        const all = json<AuditPage>(await as('office', 'GET', `/api/audit?limit=5&cursor=${first.nextCursor}`));
        expect(all.items).toHaveLength(5);
        expect(all.total).toBeGreaterThan(10);
        // The second page continues the first, newest first, nothing twice.
        const ids = [...first.items, ...all.items].map((e) => e.id);
        expect(new Set(ids).size).toBe(10);
        expect(all.items[0]!.at <= first.items[4]!.at).toBe(true);
        const bad = await as('office', 'GET', `/api/audit?cursor=${Buffer.from('["audit","yesterday",1]').toString('base64url')}`);
        expect(bad.statusCode).toBe(400);
        expect((await as('officer', 'GET', '/api/audit')).statusCode).toBe(403);
        expect((await as('inspector', 'GET', '/api/audit')).statusCode).toBe(403);
      });

      it('offers no way to edit or delete audit rows', async () => {
        const [first] = json<AuditPage>(await as('admin', 'GET', '/api/audit?limit=1')).items;
        for (const method of ['PATCH', 'DELETE', 'PUT', 'POST'] as const) {
          for (const url of [`/api/audit/${first!.id}`, '/api/audit']) {
            const res = await api.as('admin', { method, url, payload: {} });
            expect([404, 405]).toContain(res.statusCode);
          }
        }
        const routes = api.app.routeAccess.filter((r) => r.url.startsWith('/api/audit') || r.url.endsWith('/history'));
        expect(routes.every((r) => r.method === 'GET' || r.method === 'HEAD')).toBe(true);
      });
    });

    describe('notifications', () => {
      it('notifies due soon, overdue and assigned; the daily scan never repeats one', async () => {
        const soon = await b.measure({ deadline: '2023-08-21', text: '三天后到期' });
        const first = await api.app.runDailyJob();
        expect(first.notified).toBeGreaterThan(0);
        const again = await api.app.runDailyJob();
        expect(again.notified).toBe(0);
        const leader = json<NotificationList>(await as('leader', 'GET', '/api/notifications'));
        const officer = json<NotificationList>(await as('officer', 'GET', '/api/notifications'));
        for (const list of [leader, officer]) {
          expect(list.items.find((n) => n.kind === 'due_soon' && n.measureId === soon.id)?.text).toContain('还有 3 天');
          expect(list.items.filter((n) => n.kind === 'overdue').length).toBeGreaterThan(0);
        }
        expect(leader.items.find((n) => n.kind === 'assigned' && n.measureId === soon.id)).toBeTruthy();
        const overdueNotes = await api.db.notification.count({ where: { kind: 'overdue' } });
        await api.app.runDailyJob();
        expect(await api.db.notification.count({ where: { kind: 'overdue' } })).toBe(overdueNotes);

        // Reassigning to the leader's person notifies the leader again.
        const other = await b.measure({ leaderId: null });
        const patched = json<MeasureDetail>(await as('office', 'PATCH', `/api/measures/${other.id}`, { version: other.version, leaderId: w.leaderPersonId }));
        expect(patched.leader?.id).toBe(w.leaderPersonId);
        expect(json<NotificationList>(await as('leader', 'GET', '/api/notifications')).items.find((n) => n.kind === 'assigned' && n.measureId === other.id)).toBeTruthy();
      });

      it('marks one or all as read, only one’s own', async () => {
        const list = json<NotificationList>(await as('officer', 'GET', '/api/notifications?unreadOnly=true'));
        expect(list.unread).toBeGreaterThan(1);
        const one = list.items[0]!;
        const read = await as('officer', 'POST', `/api/notifications/${one.id}/read`);
        expect(json<{ readAt: string | null }>(read).readAt).not.toBeNull();
        expect(json<NotificationList>(await as('officer', 'GET', '/api/notifications')).unread).toBe(list.unread - 1);
        expect((await as('leader', 'POST', `/api/notifications/${list.items[1]!.id}/read`)).statusCode).toBe(404);
        const all = json<{ updated: number }>(await as('officer', 'POST', '/api/notifications/read-all'));
        expect(all.updated).toBe(list.unread - 1);
        expect(json<NotificationList>(await as('officer', 'GET', '/api/notifications')).unread).toBe(0);
      });

      it('e-mails the notifications and a daily digest only to accounts with an address, once', async () => {
        sent.length = 0;
        const leader = json<UserAccount[]>(await as('admin', 'GET', '/api/users')).find((u) => u.username === 'leader')!;
        await as('admin', 'PATCH', `/api/users/${leader.id}`, { version: leader.version, email: 'leader@example.com' });
        await b.measure({ deadline: '2023-08-20', text: '后天到期' });
        const run = await api.app.runDailyJob();
        expect(run.emailed).toBeGreaterThan(0);
        expect(run.digests).toBe(1);
        expect(sent.every((m) => m.to === 'leader@example.com')).toBe(true);
        expect(sent.some((m) => m.subject.includes('即将到期'))).toBe(true);
        expect(sent.some((m) => m.subject.includes('每日提醒'))).toBe(true);
        const count = sent.length;
        const rerun = await api.app.runDailyJob();
        expect(rerun).toMatchObject({ emailed: 0, digests: 0 });
        expect(sent.length).toBe(count);
      });

      it('builds no mail transport without SMTP settings, and one with them', async () => {
        const made: unknown[] = [];
        const factory = (options: unknown) => {
          made.push(options);
          return { sendMail: async (m: unknown) => void made.push(m) };
        };
        expect(createMailerFromEnv({}, factory)).toBeNull();
        expect(createMailerFromEnv({ SMTP_USER: 'x' }, factory)).toBeNull();
        expect(made).toHaveLength(0);
        const mailer = createMailerFromEnv({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_USER: 'u', SMTP_PASS: 'p', SMTP_FROM: 'rectify@example.com' }, factory)!;
        await mailer.send({ to: 'a@example.com', subject: 's', text: 't' });
        expect(made).toEqual([
          { host: 'smtp.example.com', port: 465, secure: true, auth: { user: 'u', pass: 'p' } },
          { from: 'rectify@example.com', to: 'a@example.com', subject: 's', text: 't' },
        ]);
      });
    });
  });
}
