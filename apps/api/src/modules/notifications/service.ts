import {
  addDays,
  checkInCadenceLabels,
  daysBetween,
  isOverdue,
  notificationKindLabels,
  type NotificationItem,
  type NotificationKind,
  type NotificationList,
  type NotificationQuery,
  type SqlDialect,
  usersSeeingRoundWhere,
} from '@rectify/domain';
import type { Db, Prisma, Tx } from '@rectify/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { DEFAULT_LIMIT, decodeCursor, int, pageOf } from '../../lib/keyset.js';
import type { Mailer } from '../../lib/mailer.js';
import {
  deadlineNotificationKeys,
  deadlineRecipients,
  insertNotifications,
  warningRecipients,
  type DeadlineRecipient,
  type NewNotification,
  type WarningRecipient,
} from './repository.js';

/** How many days ahead a deadline counts as "due soon". */
export const DUE_SOON_DAYS = 7;

const short = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * What the daily scan tells one account about one open measure due by today + DUE_SOON_DAYS, or
 * null. Each rule's notices are deduplicated by key; a new kind of deadline notice (e.g. an
 * escalation after so many days overdue) is one more rule here, and the scan stays set-based.
 */
export type DeadlineRule = (recipient: DeadlineRecipient, today: string) => NewNotification | null;

/** Due within DUE_SOON_DAYS, or overdue (deadline before today): once per measure, deadline and account. */
export const deadlineNotice: DeadlineRule = ({ measureId, text, status, deadline, userId }, today) => {
  const overdue = isOverdue({ status, deadline }, today);
  const kind: NotificationKind = overdue ? 'overdue' : 'due_soon';
  const days = Math.abs(daysBetween(today, deadline));
  return {
    userId,
    kind,
    measureId,
    title: notificationKindLabels[kind]['zh-CN'],
    text: overdue
      ? `整改措施「${short(text)}」的完成时限 ${deadline} 已过 ${days} 天，请尽快推进。`
      : days === 0
        ? `整改措施「${short(text)}」今天（${deadline}）到期。`
        : `整改措施「${short(text)}」将于 ${deadline} 到期（还有 ${days} 天）。`,
    dedupeKey: `${kind}:${measureId}:${deadline}:${userId}`,
  };
};

export const deadlineRules: DeadlineRule[] = [deadlineNotice];

const WARNING_COLOURS: Record<WarningRecipient['level'], string> = { due_soon: '绿色预警', urgent: '黄色预警', overdue: '红色预警' };

/**
 * 三色预警: one notice per level per measure (and deadline: a postponed measure's warnings start
 * again) and account. Higher levels reach more people (see warningRecipients); each level is sent
 * once, so an escalation adds the new level's notice without repeating the earlier ones. A
 * long-term measure (长期坚持) is warned of its next check-in the same way, once per level per
 * check-in period: the key holds the day that check-in is due, so the next missed period warns again.
 */
export function warningNotice({ measureId, text, due, checkInCadence, level, userId }: WarningRecipient, today: string): NewNotification {
  const days = daysBetween(today, due);
  const colour = WARNING_COLOURS[level];
  // What counts down to `due`: a long-term measure's next check-in, any other measure's deadline.
  const phrases = checkInCadence
    ? {
        measure: `长期坚持的整改措施「${short(text)}」（${checkInCadenceLabels[checkInCadence]['zh-CN']}报送）`,
        passed: `应于 ${due} 前报送进展，已逾期 ${-days} 天未报送`,
        coming: `应于 ${due} 前报送进展（还有 ${days} 天）`,
        ask: level === 'overdue' ? '请立即督促报送' : '请按时报送',
      }
    : {
        measure: `整改措施「${short(text)}」`,
        passed: `的完成时限 ${due} 已过 ${-days} 天`,
        // Yellow is also what falling behind 序时进度 earns before the deadline is near.
        coming: `将于 ${due} 到期（还有 ${days} 天）${level === 'urgent' ? '或进度落后于序时进度' : ''}`,
        ask: level === 'overdue' ? '请立即督促整改' : level === 'urgent' ? '请加快推进' : '请抓紧推进',
      };
  return {
    userId,
    kind: 'warning',
    measureId,
    title: `${colour}：${notificationKindLabels.warning['zh-CN']}`,
    text: `【${colour}】${phrases.measure}${level === 'overdue' ? phrases.passed : phrases.coming}，${phrases.ask}。`,
    dedupeKey: `warning:${level}:${measureId}:${due}:${userId}`,
  };
}

interface MeasureFacts {
  id: number;
  text: string;
  leaderId: number | null;
  leadDepartmentId: number | null;
}

export interface NotifyInput {
  userIds: number[];
  kind: NotificationKind;
  measureId: number | null;
  title: string;
  text: string;
  /** Unique per user and event: the same event never notifies twice. */
  key: (userId: number) => string;
}

/**
 * In-app notifications, and their e-mail copies when a mailer is configured. Services call
 * `notify` inside their transaction (the notice exists exactly when the change does) and `flush`
 * after it commits; the daily job calls `scanDeadlines`, `scanWarnings`, `flush` and `sendDigests`.
 */
export function createNotifier({ db, dialect, clock, mailer, log }: { db: Db; dialect: SqlDialect; clock: Clock; mailer: Mailer | null; log?: FastifyBaseLogger }) {
  /** The active accounts that answer for a measure: its leader's, and those of its lead department's people. */
  async function responsibleUserIds(tx: Tx | Db, measure: Pick<MeasureFacts, 'leaderId' | 'leadDepartmentId'>): Promise<number[]> {
    const or = [
      ...(measure.leaderId ? [{ personId: measure.leaderId }] : []),
      ...(measure.leadDepartmentId ? [{ person: { departmentId: measure.leadDepartmentId } }] : []),
    ];
    if (!or.length) return [];
    const users = await tx.user.findMany({ where: { active: true, OR: or }, select: { id: true } });
    return users.map((u) => u.id);
  }

  /** Of `userIds`, the accounts that see the measure's round (packages/domain scope.ts): nobody hears of another unit's measures. */
  async function seeing(tx: Tx | Db, measureId: number | null, userIds: number[]): Promise<number[]> {
    if (measureId === null || !userIds.length) return userIds;
    const measure = await tx.measure.findUnique({ where: { id: measureId }, select: { round: { select: { id: true, inspectedUnitId: true } } } });
    if (!measure) return [];
    const users = await tx.user.findMany({ where: { id: { in: userIds }, ...usersSeeingRoundWhere(measure.round) }, select: { id: true } });
    return users.map((u) => u.id);
  }

  async function notify(tx: Tx | Db, input: NotifyInput): Promise<number> {
    let created = 0;
    for (const userId of await seeing(tx, input.measureId, [...new Set(input.userIds)])) {
      const dedupeKey = input.key(userId);
      const existing = await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true } });
      if (existing) continue;
      await tx.notification.create({
        data: { userId, kind: input.kind, measureId: input.measureId, title: input.title, text: input.text, dedupeKey },
      });
      created++;
    }
    return created;
  }

  const toItem = (n: { id: number; kind: string; title: string; text: string; measureId: number | null; readAt: Date | null; createdAt: Date }): NotificationItem => ({
    id: n.id,
    kind: n.kind as NotificationKind,
    title: n.title,
    text: n.text,
    measureId: n.measureId,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  });

  const notifier = {
    responsibleUserIds,
    notify,

    /** A measure's leader was set or changed: tell the accounts of the new leader. */
    async assigned(tx: Tx, measure: MeasureFacts, version: number): Promise<void> {
      if (!measure.leaderId) return;
      const users = await tx.user.findMany({ where: { active: true, personId: measure.leaderId }, select: { id: true } });
      await notify(tx, {
        userIds: users.map((u) => u.id),
        kind: 'assigned',
        measureId: measure.id,
        title: notificationKindLabels.assigned['zh-CN'],
        text: `您被指定为整改措施「${short(measure.text)}」的责任领导。`,
        key: (userId) => `assigned:${measure.id}:${version}:${userId}`,
      });
    },

    async closureDecided(
      tx: Tx,
      measure: MeasureFacts,
      closure: { id: number; state: 'approved' | 'rejected'; reason: string | null; requestedByUserId: number | null },
      today: string,
    ): Promise<void> {
      const userIds = await responsibleUserIds(tx, measure);
      if (closure.requestedByUserId) userIds.push(closure.requestedByUserId);
      const approved = closure.state === 'approved';
      const kind: NotificationKind = approved ? 'closure_approved' : 'closure_rejected';
      await notify(tx, {
        userIds,
        kind,
        measureId: measure.id,
        title: notificationKindLabels[kind]['zh-CN'],
        text: approved
          ? `整改措施「${short(measure.text)}」已于 ${today} 通过对账销号。`
          : `整改措施「${short(measure.text)}」的销号申请被退回，原因：${closure.reason ?? ''}`,
        key: (userId) => `${kind}:${closure.id}:${userId}`,
      });
    },

    /**
     * Due within 7 days, or overdue: once per measure, deadline and account. Idempotent, and
     * set-based: one query for who answers for which measure, one for the keys already notified,
     * then a multi-row INSERT per few hundred new notices — however many measures are late.
     */
    async scanDeadlines(today = clock.today()): Promise<number> {
      const horizon = addDays(today, DUE_SOON_DAYS);
      const [recipients, notified] = await Promise.all([deadlineRecipients(db, horizon), deadlineNotificationKeys(db, horizon)]);
      const fresh = new Map<string, NewNotification>();
      for (const recipient of recipients) {
        for (const rule of deadlineRules) {
          const notice = rule(recipient, today);
          if (notice && !notified.has(notice.dedupeKey)) fresh.set(notice.dedupeKey, notice);
        }
      }
      return insertNotifications(db, [...fresh.values()], clock.now());
    },

    /**
     * 三色预警, escalating with the level, each level once per measure, deadline (or, for a
     * long-term measure, check-in due day) and account: one
     * query for who hears of which measure's level, then multi-row INSERTs; a key already used (an
     * earlier day, another instance) is skipped by the database.
     */
    async scanWarnings(today = clock.today()): Promise<number> {
      const fresh = new Map<string, NewNotification>();
      for (const recipient of await warningRecipients(db, dialect, today)) {
        const notice = warningNotice(recipient, today);
        fresh.set(notice.dedupeKey, notice);
      }
      return insertNotifications(db, [...fresh.values()], clock.now());
    },

    /** Sends the e-mail copy of each notification not yet mailed, to accounts with an address. */
    async dispatchEmails(): Promise<number> {
      if (!mailer) return 0;
      const pending = await db.notification.findMany({
        where: { emailedAt: null, user: { active: true, email: { not: null } } },
        include: { user: { select: { email: true } } },
        orderBy: { id: 'asc' },
        take: 500,
      });
      let sent = 0;
      for (const n of pending) {
        // Claim it first, so two dispatchers never send the same one.
        const { count } = await db.notification.updateMany({ where: { id: n.id, emailedAt: null }, data: { emailedAt: clock.now() } });
        if (count !== 1) continue;
        try {
          await mailer.send({ to: n.user.email!, subject: `【巡察整改】${n.title}`, text: n.text });
          sent++;
        } catch (error) {
          log?.warn({ err: error, notification: n.id }, 'notification e-mail failed');
        }
      }
      return sent;
    },

    /** Once a day per account with an address: a digest of what is still unread. */
    async sendDigests(today = clock.today()): Promise<number> {
      if (!mailer) return 0;
      const users = await db.user.findMany({
        where: { active: true, email: { not: null }, OR: [{ lastDigestOn: null }, { lastDigestOn: { not: today } }] },
        select: { id: true, email: true, username: true },
      });
      let sent = 0;
      for (const u of users) {
        const unread = await db.notification.findMany({ where: { userId: u.id, readAt: null }, orderBy: { id: 'desc' }, take: 50 });
        if (!unread.length) continue;
        const { count } = await db.user.updateMany({
          where: { id: u.id, OR: [{ lastDigestOn: null }, { lastDigestOn: { not: today } }] },
          data: { lastDigestOn: today },
        });
        if (count !== 1) continue;
        const lines = unread.map((n) => `· ${n.title}：${n.text}`);
        try {
          await mailer.send({
            to: u.email!,
            subject: `【巡察整改】${today} 每日提醒：${unread.length} 条未读`,
            text: [`${u.username}，您好：`, '', `您有 ${unread.length} 条未读提醒：`, ...lines, '', '请登录 Rectify 查看和处理。'].join('\n'),
          });
          sent++;
        } catch (error) {
          log?.warn({ err: error, user: u.id }, 'digest e-mail failed');
        }
      }
      return sent;
    },

    /** After a write that notified: mail the copies in the background (when a mailer is set). */
    flush(): void {
      if (!mailer) return;
      void notifier.dispatchEmails().catch((error) => log?.warn({ err: error }, 'notification e-mails failed'));
    },

    /** Newest first by id (the Notification(userId, id) index), a page after the cursor. */
    async list(userId: number, query: NotificationQuery): Promise<NotificationList> {
      const limit = query.limit ?? DEFAULT_LIMIT;
      const after = decodeCursor(query.cursor, 'notifications', ['int']);
      const where: Prisma.NotificationWhereInput = { userId, ...(query.unreadOnly ? { readAt: null } : {}) };
      const [unread, total, rows] = await Promise.all([
        db.notification.count({ where: { userId, readAt: null } }),
        query.unreadOnly ? null : db.notification.count({ where }),
        db.notification.findMany({ where: after ? { ...where, id: { lt: int(after[0] ?? null) } } : where, orderBy: { id: 'desc' }, take: limit + 1 }),
      ]);
      return { unread, ...pageOf(rows, limit, 'notifications', (r) => [r.id], toItem, total ?? unread) };
    },

    async markRead(userId: number, id: number): Promise<NotificationItem> {
      const row = await db.notification.findUnique({ where: { id } });
      // Someone else's notification is as good as absent.
      if (!row || row.userId !== userId) throw notFound('notification', id);
      if (row.readAt) return toItem(row);
      return toItem(await db.notification.update({ where: { id }, data: { readAt: clock.now() } }));
    },

    async markAllRead(userId: number): Promise<number> {
      const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: clock.now() } });
      return count;
    },
  };
  return notifier;
}

export type Notifier = ReturnType<typeof createNotifier>;
