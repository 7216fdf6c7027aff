/** Fixed vocabularies of the domain, with their zh-CN and English labels. */

export const MEASURE_KINDS = ['immediate', 'deadline', 'long_term'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * 长期坚持: how often a long-term measure reports (each progress update is a check-in). A check-in
 * is missed once this many days have passed since the last one (or the start): a month or a
 * quarter at its longest, counted in days so that SQLite and PostgreSQL agree.
 */
export const CHECK_IN_CADENCES = ['monthly', 'quarterly'] as const;
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];
export const CHECK_IN_DAYS: Record<CheckInCadence, number> = { monthly: 31, quarterly: 92 };

export const MEASURE_STATUSES = ['not_started', 'in_progress', 'pending_closure', 'closed'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** 会议类型: the one list the registers, the report and the text import use. */
export const MEETING_TYPES = ['leadership', 'party_group', 'special', 'org_life', 'democratic_life', 'other'] as const;
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

/** 报送周期: the ledger's column and the notices say it this way. */
export const checkInCadenceLabels: Labels<CheckInCadence> = {
  monthly: { 'zh-CN': '每月', en: 'Monthly' },
  quarterly: { 'zh-CN': '每季度', en: 'Quarterly' },
};

export const measureStatusLabels: Labels<MeasureStatus> = {
  not_started: { 'zh-CN': '未开始', en: 'Not started' },
  in_progress: { 'zh-CN': '整改中', en: 'In progress' },
  pending_closure: { 'zh-CN': '待销号', en: 'Pending closure' },
  closed: { 'zh-CN': '已销号', en: 'Closed' },
};

export const meetingTypeLabels: Labels<MeetingType> = {
  leadership: { 'zh-CN': '领导班子会', en: 'Leadership meeting' },
  party_group: { 'zh-CN': '党组会', en: 'Party group meeting' },
  special: { 'zh-CN': '专题会', en: 'Special meeting' },
  org_life: { 'zh-CN': '组织生活会', en: 'Party organisational life meeting' },
  democratic_life: { 'zh-CN': '民主生活会', en: 'Democratic life meeting' },
  other: { 'zh-CN': '其他会议', en: 'Other meeting' },
};

export const leadingGroupRoleLabels: Labels<LeadingGroupRole> = {
  head: { 'zh-CN': '组长', en: 'Head' },
  deputy: { 'zh-CN': '副组长', en: 'Deputy head' },
  member: { 'zh-CN': '成员', en: 'Member' },
  office: { 'zh-CN': '办公室', en: 'Office' },
};

/** Account roles: what a signed-in user may do is decided by `can` in policy.ts. */
export const ROLES = ['admin', 'supervisor', 'office', 'leader', 'officer', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Labels<Role> = {
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  supervisor: { 'zh-CN': '巡察办', en: 'Inspection office' },
  office: { 'zh-CN': '整改办公室', en: 'Rectification office' },
  leader: { 'zh-CN': '领导小组', en: 'Leading group' },
  officer: { 'zh-CN': '责任人', en: 'Responsible officer' },
  inspector: { 'zh-CN': '巡察组', en: 'Inspection team' },
};

/** What an organisation is: the committee's inspection office (巡察办) or a unit it inspects. */
export const ORGANIZATION_KINDS = ['supervising', 'unit'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The sort of inspected unit (the programme view filters by it). */
export const UNIT_TYPES = ['bureau', 'town', 'school', 'enterprise', 'other'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const unitTypeLabels: Labels<UnitType> = {
  bureau: { 'zh-CN': '区直部门', en: 'District bureau' },
  town: { 'zh-CN': '街道（乡镇）', en: 'Town / subdistrict' },
  school: { 'zh-CN': '学校', en: 'School' },
  enterprise: { 'zh-CN': '国有企业', en: 'State enterprise' },
  other: { 'zh-CN': '其他单位', en: 'Other unit' },
};

/** 申请销号 → 对账销号: a request is pending until approved or rejected; an approved one may be reopened. */
export const CLOSURE_STATES = ['pending', 'approved', 'rejected', 'reopened'] as const;
export type ClosureState = (typeof CLOSURE_STATES)[number];

export const closureStateLabels: Labels<ClosureState> = {
  pending: { 'zh-CN': '待审核', en: 'Pending' },
  approved: { 'zh-CN': '已销号', en: 'Approved' },
  rejected: { 'zh-CN': '已退回', en: 'Rejected' },
  reopened: { 'zh-CN': '已重新打开', en: 'Reopened' },
};

export const NOTIFICATION_KINDS = [
  'due_soon',
  'overdue',
  'closure_approved',
  'closure_rejected',
  'assigned',
  'postponement_requested',
  'postponement_approved',
  'postponement_refused',
  'warning',
  'report_submitted',
  'report_accepted',
  'report_returned',
  'follow_up_scheduled',
  'follow_up_slid',
  'follow_up_held',
  'public_opinion',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationKindLabels: Labels<NotificationKind> = {
  due_soon: { 'zh-CN': '即将到期', en: 'Due soon' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
  closure_approved: { 'zh-CN': '销号已通过', en: 'Closure approved' },
  closure_rejected: { 'zh-CN': '销号被退回', en: 'Closure rejected' },
  assigned: { 'zh-CN': '新分配的整改措施', en: 'Measure assigned to you' },
  postponement_requested: { 'zh-CN': '延期申请待审核', en: 'Postponement requested' },
  postponement_approved: { 'zh-CN': '延期申请已同意', en: 'Postponement approved' },
  postponement_refused: { 'zh-CN': '延期申请未同意', en: 'Postponement refused' },
  warning: { 'zh-CN': '整改预警', en: 'Early warning' },
  report_submitted: { 'zh-CN': '整改报告待审核', en: 'Rectification report submitted' },
  report_accepted: { 'zh-CN': '整改报告已通过', en: 'Rectification report accepted' },
  report_returned: { 'zh-CN': '整改报告被退回', en: 'Rectification report sent back' },
  follow_up_scheduled: { 'zh-CN': '回头看待开展', en: 'Follow-up review scheduled' },
  follow_up_slid: { 'zh-CN': '回头看发现反弹，措施已重新打开', en: 'Follow-up found a slide back: measure reopened' },
  follow_up_held: { 'zh-CN': '回头看结果更正为巩固，措施仍须销号', en: 'Follow-up corrected to held: the measure still needs closing' },
  public_opinion: { 'zh-CN': '收到群众意见建议', en: 'New opinion from the public' },
};

/**
 * 群众监督: an opinion (意见建议) sent from a round's public page is new until the unit's office
 * handles it (已处理) or answers the sender (已回复).
 */
export const OPINION_STATUSES = ['new', 'handled', 'replied'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const opinionStatusLabels: Labels<OpinionStatus> = {
  new: { 'zh-CN': '未处理', en: 'New' },
  handled: { 'zh-CN': '已处理', en: 'Handled' },
  replied: { 'zh-CN': '已回复', en: 'Replied' },
};

/** 整改成效群众评判: the optional satisfaction rating given with an opinion. */
export const SATISFACTION_RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];

export const satisfactionLabels: Labels<SatisfactionRating> = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  basically_satisfied: { 'zh-CN': '基本满意', en: 'Basically satisfied' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
};

/**
 * A round's rectification report (整改情况报告: the 通报 draft with the ledger) on its way to the
 * 巡察办: a draft until the unit's office submits it; the 巡察办 accepts it or sends it back with
 * comments, and a returned report is submitted again.
 */
export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const reportStateLabels: Labels<ReportState> = {
  draft: { 'zh-CN': '未报送', en: 'Not submitted' },
  submitted: { 'zh-CN': '已报送待审核', en: 'Submitted' },
  accepted: { 'zh-CN': '已审核通过', en: 'Accepted' },
  returned: { 'zh-CN': '已退回修改', en: 'Sent back' },
};

/** Who may move a report from one state to another: submit from draft or returned; decide a submitted one. */
export const reportTransitions = {
  submit: (state: ReportState) => (state === 'draft' || state === 'returned' ? ('submitted' as const) : null),
  accept: (state: ReportState) => (state === 'submitted' ? ('accepted' as const) : null),
  return: (state: ReportState) => (state === 'submitted' ? ('returned' as const) : null),
};

/** 延期申请: pending until the office approves (the deadline moves) or refuses it (nothing changes). */
export const POSTPONEMENT_STATES = ['pending', 'approved', 'refused'] as const;
export type PostponementState = (typeof POSTPONEMENT_STATES)[number];

export const postponementStateLabels: Labels<PostponementState> = {
  pending: { 'zh-CN': '待审核', en: 'Pending' },
  approved: { 'zh-CN': '已同意', en: 'Approved' },
  refused: { 'zh-CN': '未同意', en: 'Refused' },
};

/**
 * 回头看 (follow-up review): what it covers — the whole round's closed measures, those of some
 * categories, or chosen ones — and what the reviewer finds per measure: 巩固 (held) or 反弹 (slid
 * back, the measure is reopened).
 */
export const FOLLOW_UP_SCOPES = ['round', 'categories', 'measures'] as const;
export type FollowUpScope = (typeof FOLLOW_UP_SCOPES)[number];
export const FOLLOW_UP_RESULTS = ['held', 'slid'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

export const followUpScopeLabels: Labels<FollowUpScope> = {
  round: { 'zh-CN': '本轮全部已销号措施', en: 'Every closed measure of the round' },
  categories: { 'zh-CN': '所选方面的已销号措施', en: 'The closed measures of chosen categories' },
  measures: { 'zh-CN': '所选已销号措施', en: 'Chosen closed measures' },
};

export const followUpResultLabels: Labels<FollowUpResult> = {
  held: { 'zh-CN': '巩固', en: 'Held' },
  slid: { 'zh-CN': '反弹', en: 'Slid back' },
};

/** The rows the audit log tracks, and what can happen to them. */
export const AUDIT_ENTITIES = [
  'round',
  'category',
  'problem',
  'manifestation',
  'measure',
  'person',
  'department',
  'user',
  'closure',
  'evidence',
  'progress_update',
  'share_link',
  'postponement',
  'supervision_notice',
  'organization',
  'report_submission',
  'follow_up',
  'follow_up_item',
  'regulation',
  'meeting',
  'leading_group_member',
  'public_page',
  'public_opinion',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'submit',
  'approve',
  'reject',
  'reopen',
  'password_change',
  'password_reset',
  'revoke',
  'import',
  'issue',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A vocabulary word read from the database, narrowed once; an unknown one is a broken database, not a user error. */
function narrow<T extends string>(words: readonly T[], what: string) {
  return (value: string): T => {
    const word = words.find((w) => w === value);
    if (word === undefined) throw new Error(`unknown ${what} in the database: ${value}`);
    return word;
  };
}
export const toMeasureStatus = narrow(MEASURE_STATUSES, 'measure status');
export const toMeasureKind = narrow(MEASURE_KINDS, 'measure kind');
export const toCheckInCadence = narrow(CHECK_IN_CADENCES, 'check-in cadence');
export const toMeetingType = narrow(MEETING_TYPES, 'meeting type');
export const toOrganizationKind = narrow(ORGANIZATION_KINDS, 'organization kind');
export const toUnitType = narrow(UNIT_TYPES, 'unit type');
export const toReportState = narrow(REPORT_STATES, 'report state');
export const toLeadingGroupRole = narrow(LEADING_GROUP_ROLES, 'leading group role');
export const toClosureState = narrow(CLOSURE_STATES, 'closure state');
export const toPostponementState = narrow(POSTPONEMENT_STATES, 'postponement state');
export const toFollowUpScope = narrow(FOLLOW_UP_SCOPES, 'follow-up scope');
export const toFollowUpResult = narrow(FOLLOW_UP_RESULTS, 'follow-up result');
export const toRole = narrow(ROLES, 'role');
export const toOpinionStatus = narrow(OPINION_STATUSES, 'opinion status');
export const toSatisfactionRating = narrow(SATISFACTION_RATINGS, 'satisfaction rating');
