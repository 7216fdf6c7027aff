/** Fixed vocabularies of the domain, with their zh-CN and English labels. */

export const MEASURE_KINDS = ['immediate', 'deadline', 'long_term'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'pending_closure', 'closed'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEETING_TYPES = ['leadership', 'special', 'org_life', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const LEADING_GROUP_ROLES = ['head', 'deputy', 'member', 'office'] as const;
export type LeadingGroupRole = (typeof LEADING_GROUP_ROLES)[number];

export type Locale = 'zh-CN' | 'en';
type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const measureKindLabels: Labels<MeasureKind> = {
  immediate: { 'zh-CN': '立行立改', en: 'Immediate' },
  deadline: { 'zh-CN': '限期整改', en: 'By deadline' },
  long_term: { 'zh-CN': '长期坚持', en: 'Long-term' },
};

export const measureStatusLabels: Labels<MeasureStatus> = {
  not_started: { 'zh-CN': '未开始', en: 'Not started' },
  in_progress: { 'zh-CN': '整改中', en: 'In progress' },
  pending_closure: { 'zh-CN': '待销号', en: 'Pending closure' },
  closed: { 'zh-CN': '已销号', en: 'Closed' },
};

export const meetingTypeLabels: Labels<MeetingType> = {
  leadership: { 'zh-CN': '领导班子会', en: 'Leadership meeting' },
  special: { 'zh-CN': '专题会', en: 'Special meeting' },
  org_life: { 'zh-CN': '组织生活会', en: 'Party organisational life meeting' },
  other: { 'zh-CN': '其他会议', en: 'Other meeting' },
};

export const leadingGroupRoleLabels: Labels<LeadingGroupRole> = {
  head: { 'zh-CN': '组长', en: 'Head' },
  deputy: { 'zh-CN': '副组长', en: 'Deputy head' },
  member: { 'zh-CN': '成员', en: 'Member' },
  office: { 'zh-CN': '办公室', en: 'Office' },
};
