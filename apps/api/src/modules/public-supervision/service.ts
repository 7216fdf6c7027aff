import { randomBytes } from 'node:crypto';
import {
  inRoundScopeWhere,
  notificationKindLabels,
  OPINION_LIMITS,
  roundTitle,
  satisfactionLabels,
  toOpinionStatus,
  toSatisfactionRating,
  type Opinion,
  type OpinionPage,
  type OpinionQuery,
  type OpinionReceived,
  type OpinionSubmit,
  type OpinionUpdate,
  type PublicPageSettings,
  type PublicPageUpdate,
  type PublicView,
  type RoundScope,
} from '@rectify/domain';
import type { Db, Prisma } from '@rectify/db';
import type { RequestActor } from '../../lib/actor.js';
import { audit, type AuditActor } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound, versionConflict } from '../../lib/errors.js';
import { DEFAULT_LIMIT, afterWhere, decodeCursor, intKey, pageOf } from '../../lib/keyset.js';
import { toUserRef } from '../../lib/user-ref.js';
import type { Notifier } from '../notifications/service.js';
import type { createReportService } from '../report/service.js';
import { createPublicSupervisionRepository, type OpinionRow } from './repository.js';

/** Who wrote an opinion, as the audit log records it: nobody signed in. */
const publicActor = (clock: Clock): AuditActor => ({ userId: null, username: 'public', clock });

const opinionKeys = [intKey<Prisma.PublicOpinionWhereInput>((id) => ({ id }))];

/** The public page's path in the web app. */
export const publicPath = (token: string) => `/p/${token}`;

const clean = (text: string | null | undefined) => {
  const t = text?.trim();
  return t ? t : null;
};

function toOpinion(row: OpinionRow): Opinion {
  return {
    id: row.id,
    roundId: row.roundId,
    roundTitle: roundTitle(row.round),
    unitName: row.round.inspectedUnit.name,
    content: row.content,
    name: row.name,
    phone: row.phone,
    rating: row.rating === null ? null : toSatisfactionRating(row.rating),
    status: toOpinionStatus(row.status),
    note: row.note,
    receivedAt: row.createdAt.toISOString(),
    handledAt: row.handledAt?.toISOString() ?? null,
    handledBy: toUserRef(row.handledBy),
    version: row.version,
  };
}

/** The audit log's view of an opinion: what the office changes, never the sender's name or phone. */
const audited = (row: { roundId: number; status: string; note: string | null; rating: string | null; version: number }) => ({
  roundId: row.roundId,
  status: row.status,
  note: row.note,
  rating: row.rating,
  version: row.version,
});

/**
 * 群众监督 (public supervision): a round's public page, off by default and switched by the unit's
 * office (audited, versioned); anyone holding its address reads the published report and sends an
 * opinion with an optional rating; the opinions land in the unit's inbox (and the 巡察办's), the
 * office is notified and handles them (status and notes, audited, versioned).
 */
export function createPublicSupervisionService({ db, clock, notifier, report }: { db: Db; clock: Clock; notifier: Notifier; report: ReturnType<typeof createReportService> }) {
  const repo = createPublicSupervisionRepository(db);

  async function settings(roundId: number): Promise<PublicPageSettings> {
    const round = await repo.round(db, roundId);
    if (!round) throw notFound('round', roundId);
    const [page, counts] = await Promise.all([repo.pageOfRound(db, roundId), repo.counts(roundId)]);
    return {
      roundId,
      enabled: page?.enabled ?? false,
      token: page?.token ?? null,
      path: page ? publicPath(page.token) : null,
      title: roundTitle(round),
      unitName: round.inspectedUnit.name,
      ratings: counts.ratings,
      newOpinions: counts.unhandled,
      version: page?.version ?? 0,
    };
  }

  /** The round behind an address, or 404 PUBLIC_PAGE_NOT_FOUND: unknown and switched-off pages look the same. */
  async function resolve(token: string) {
    const page = await repo.pageByToken(token);
    if (!page || !page.enabled) throw new AppError(404, 'PUBLIC_PAGE_NOT_FOUND');
    return page;
  }

  return {
    settings,

    async setEnabled(roundId: number, body: PublicPageUpdate, actor: RequestActor): Promise<PublicPageSettings> {
      await db.$transaction(async (tx) => {
        const round = await repo.round(tx, roundId);
        if (!round) throw notFound('round', roundId);
        const page = await repo.pageOfRound(tx, roundId);
        if (!page) {
          // Never switched before: the settings answered version 0.
          if (body.version !== 0) throw versionConflict('public_page', roundId, 0);
          const created = await repo.createPage(tx, { roundId, token: randomBytes(18).toString('base64url'), enabled: body.enabled });
          await audit(tx, actor, 'public_page', created.id, 'create', null, { roundId, enabled: created.enabled, version: created.version });
          return;
        }
        if (page.version !== body.version) throw versionConflict('public_page', roundId, page.version);
        if ((await repo.switchPage(tx, { id: page.id, version: body.version }, body.enabled)).count !== 1) throw versionConflict('public_page', roundId, page.version + 1);
        await audit(tx, actor, 'public_page', page.id, 'update', { roundId, enabled: page.enabled, version: page.version }, { roundId, enabled: body.enabled, version: page.version + 1 });
      });
      return settings(roundId);
    },

    async view(token: string): Promise<PublicView> {
      const page = await resolve(token);
      const model = await report.model(page.roundId);
      return {
        title: roundTitle(page.round),
        unitName: page.round.inspectedUnit.name,
        report: { header: model.header, title: model.title, paragraphs: model.paragraphs, signature: model.signature },
        limits: { ...OPINION_LIMITS },
      };
    },

    /**
     * An opinion from the public form. A filled honeypot (`website`) gets the same answer as a real
     * submission and nothing is stored or notified: a robot learns nothing from the reply.
     */
    async submit(token: string, body: OpinionSubmit): Promise<OpinionReceived> {
      const page = await resolve(token);
      if (body.website && body.website.trim() !== '') return { received: true };
      const round = page.round;
      await db.$transaction(async (tx) => {
        const row = await repo.createOpinion(tx, {
          roundId: page.roundId,
          content: body.content.trim(),
          name: clean(body.name),
          phone: clean(body.phone),
          rating: body.rating ?? null,
        });
        await audit(tx, publicActor(clock), 'public_opinion', row.id, 'create', null, audited(row));
        const rating = row.rating ? `（评价：${satisfactionLabels[toSatisfactionRating(row.rating)]['zh-CN']}）` : '';
        const excerpt = row.content.length > 60 ? `${row.content.slice(0, 60)}…` : row.content;
        await notifier.notify(tx, {
          userIds: await repo.unitOfficeIds(tx, round.inspectedUnitId),
          kind: 'public_opinion',
          measureId: null,
          title: notificationKindLabels.public_opinion['zh-CN'],
          text: `「${roundTitle(round)}」收到群众意见建议${rating}：${excerpt}`,
          key: (userId) => `public_opinion:${row.id}:${userId}`,
        });
      });
      await notifier.flush();
      return { received: true };
    },

    /** The inbox: the opinions of the rounds the scope sees, newest first, a keyset page. */
    async list(query: OpinionQuery, scope: RoundScope): Promise<OpinionPage> {
      const limit = query.limit ?? DEFAULT_LIMIT;
      const after = decodeCursor(query.cursor, 'opinions', ['int']);
      const where: Prisma.PublicOpinionWhereInput = {
        AND: [inRoundScopeWhere(scope), ...(query.roundId ? [{ roundId: query.roundId }] : []), ...(query.status ? [{ status: query.status }] : [])],
      };
      const [total, rows] = await repo.page(where, after ? afterWhere(opinionKeys, after, 'desc') : null, limit + 1);
      return pageOf(rows, limit, 'opinions', (r) => [r.id], toOpinion, total);
    },

    async update(id: number, body: OpinionUpdate, actor: RequestActor): Promise<Opinion> {
      await db.$transaction(async (tx) => {
        const before = await repo.find(tx, id);
        if (!before) throw notFound('public_opinion', id);
        if (before.version !== body.version) throw versionConflict('public_opinion', id, before.version);
        const status = body.status ?? before.status;
        const note = body.note === undefined ? before.note : clean(body.note);
        const handled = status !== 'new' && status !== before.status;
        const data = {
          status,
          note,
          ...(handled ? { handledAt: clock.now(), handledByUserId: actor.userId } : {}),
          ...(status === 'new' ? { handledAt: null, handledByUserId: null } : {}),
        };
        if ((await repo.update(tx, { id, version: body.version }, data)).count !== 1) throw versionConflict('public_opinion', id, before.version + 1);
        await audit(tx, actor, 'public_opinion', id, 'update', audited(before), audited({ ...before, status, note, version: before.version + 1 }));
      });
      return toOpinion((await repo.find(db, id))!);
    },
  };
}
