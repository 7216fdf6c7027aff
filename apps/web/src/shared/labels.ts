import {
  measureKindLabels,
  measureStatusLabels,
  roleLabels,
  subsectionNumber,
  type Locale,
  type UserRef,
  type MeasureKind,
  type MeasureStatus,
} from '@rectify/domain';

export const statusLabel = (status: MeasureStatus, locale: Locale) => measureStatusLabels[status][locale];
export const kindLabel = (kind: MeasureKind, locale: Locale) => measureKindLabels[kind][locale];

/** antd Tag colours of the statuses. */
export const statusColor: Record<MeasureStatus, string> = {
  closed: 'green',
  in_progress: 'blue',
  pending_closure: 'orange',
  not_started: 'default',
};

/** （一）聚焦… as the report numbers its categories. */
export const categoryLabel = (c: { ordinal: number; title: string }) => `${subsectionNumber(c.ordinal)}${c.title}`;

/** A short form of a long category title for chart axes: drops 聚焦/紧盯 and the trailing 情况方面. */
export function shortTitle(title: string, max = 12): string {
  const core = title
    .replace(/^(聚焦|紧盯|围绕)/, '')
    .replace(/(情况)?方面$/, '')
    .trim();
  const chars = Array.from(core || title);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

export const problemLabel = (p: { ordinal: number; title: string }) => `${p.ordinal}. ${p.title}`;

/** Who did something, by name: the person's name, else the account's role (an office account has no person). */
export function actorName(u: UserRef | null | undefined, locale: Locale): string {
  if (!u) return '—';
  if (u.name) return u.name;
  return u.role ? `${roleLabels[u.role][locale]}（${u.username}）` : u.username;
}
