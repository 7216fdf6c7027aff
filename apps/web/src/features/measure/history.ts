import {
  AUDIT_REFERENCE_FIELDS,
  auditNameKey,
  checkInCadenceLabels,
  closureStateLabels,
  followUpResultLabels,
  followUpScopeLabels,
  measureKindLabels,
  measureStatusLabels,
  meetingTypeLabels,
  postponementStateLabels,
  reportStateLabels,
  roleLabels,
  type AuditAction,
  type AuditEntity,
  type Locale, formatDateTime } from '@rectify/domain';

type L = Record<Locale, string>;

/** Bookkeeping that says nothing to a reader of the history. */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set([
  'version', 'id', 'measureId', 'sha256', 'storagePath', 'storageKey', 'authorId', 'uploadedById', 'uploadedByUserId',
  'requestedById', 'decidedById', 'reopenedById', 'closureId', 'demo', 'organizationId', 'progressUpdateId', 'authorUserId',
  'roundId', 'requestedByUserId', 'reviewedByUserId', 'issuedByUserId', 'recordedByUserId', 'createdByUserId', 'followUpId',
  'followUpItemId', 'fileSha256', 'fileMimeType', 'fileSize', 'createdAt', 'updatedAt',
]);

const FIELD_LABELS: Record<string, L> = {
  text: { 'zh-CN': '内容', en: 'Text' },
  status: { 'zh-CN': '整改状态', en: 'Status' },
  kind: { 'zh-CN': '整改类型', en: 'Kind' },
  deadline: { 'zh-CN': '完成时限', en: 'Deadline' },
  completedDate: { 'zh-CN': '完成日期', en: 'Completed on' },
  progress: { 'zh-CN': '整改进度', en: 'Progress' },
  percent: { 'zh-CN': '进度', en: 'Percent' },
  outcome: { 'zh-CN': '整改成效', en: 'Outcome' },
  leaderId: { 'zh-CN': '责任领导', en: 'Responsible leader' },
  leadDepartmentId: { 'zh-CN': '牵头科室', en: 'Lead office' },
  coDepartmentIds: { 'zh-CN': '协办科室', en: 'Co-offices' },
  manifestationId: { 'zh-CN': '对应表现', en: 'Manifestation' },
  ordinal: { 'zh-CN': '序号', en: 'Number' },
  problemId: { 'zh-CN': '所属问题', en: 'Problem' },
  summary: { 'zh-CN': '完成情况', en: 'Summary' },
  state: { 'zh-CN': '销号状态', en: 'Closure state' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  authorId: { 'zh-CN': '填报人', en: 'Author' },
  uploadedById: { 'zh-CN': '上传人', en: 'Uploaded by' },
  reopenReason: { 'zh-CN': '重新打开原因', en: 'Reopen reason' },
  date: { 'zh-CN': '日期', en: 'Date' },
  figures: { 'zh-CN': '成效数据', en: 'Figures' },
  fileName: { 'zh-CN': '文件名', en: 'File name' },
  mimeType: { 'zh-CN': '文件类型', en: 'File type' },
  // The time dimension (issue 9): dates, postponements, check-ins, 督办函, 回头看.
  startDate: { 'zh-CN': '开始日期', en: 'Start date' },
  originalDeadline: { 'zh-CN': '原定时限', en: 'Original deadline' },
  postponementCount: { 'zh-CN': '延期次数', en: 'Postponements' },
  checkInCadence: { 'zh-CN': '报送周期', en: 'Check-ins' },
  lastCheckInOn: { 'zh-CN': '最近报送', en: 'Last check-in' },
  previousDeadline: { 'zh-CN': '原时限', en: 'Previous deadline' },
  requestedDeadline: { 'zh-CN': '申请延期至', en: 'Requested deadline' },
  reviewReason: { 'zh-CN': '审核意见', en: 'Review note' },
  reviewedAt: { 'zh-CN': '审核时间', en: 'Reviewed at' },
  code: { 'zh-CN': '文号', en: 'Number' },
  target: { 'zh-CN': '督办对象类型', en: 'Addressed to' },
  targetName: { 'zh-CN': '督办对象', en: 'Addressee' },
  replyBy: { 'zh-CN': '回复时限', en: 'Reply by' },
  request: { 'zh-CN': '督办要求', en: 'Request' },
  issuedOn: { 'zh-CN': '签发日期', en: 'Issued on' },
  result: { 'zh-CN': '回头看结果', en: 'Follow-up result' },
  note: { 'zh-CN': '备注', en: 'Note' },
  scheduledOn: { 'zh-CN': '计划日期', en: 'Scheduled on' },
  reviewerId: { 'zh-CN': '回头看人员', en: 'Reviewer' },
  scope: { 'zh-CN': '范围', en: 'Scope' },
  categoryIds: { 'zh-CN': '所涉方面', en: 'Categories' },
  measureIds: { 'zh-CN': '所涉措施', en: 'Measures' },
  documentNumber: { 'zh-CN': '文号', en: 'Document number' },
  issuedDate: { 'zh-CN': '印发日期', en: 'Issued on' },
  issuingUnit: { 'zh-CN': '印发单位', en: 'Issued by' },
  topic: { 'zh-CN': '议题', en: 'Topic' },
  attendees: { 'zh-CN': '参会人员', en: 'Attendees' },
  size: { 'zh-CN': '大小', en: 'Size' },
  decidedAt: { 'zh-CN': '审核时间', en: 'Decided at' },
  requestedAt: { 'zh-CN': '申请时间', en: 'Requested at' },
  role: { 'zh-CN': '角色', en: 'Role' },
  active: { 'zh-CN': '启用', en: 'Active' },
  name: { 'zh-CN': '名称', en: 'Name' },
  title: { 'zh-CN': '职务', en: 'Title' },
  departmentId: { 'zh-CN': '所在科室', en: 'Department' },
  headId: { 'zh-CN': '负责人', en: 'Head' },
};

// Complete by type: a new audited entity cannot reach the history without a name.
const ENTITY_LABELS: Record<AuditEntity, L> = {
  round: { 'zh-CN': '巡察轮次', en: 'Round' },
  category: { 'zh-CN': '方面', en: 'Category' },
  problem: { 'zh-CN': '问题', en: 'Problem' },
  manifestation: { 'zh-CN': '具体表现', en: 'Manifestation' },
  measure: { 'zh-CN': '整改措施', en: 'Measure' },
  person: { 'zh-CN': '人员', en: 'Person' },
  department: { 'zh-CN': '科室', en: 'Office' },
  user: { 'zh-CN': '账号', en: 'Account' },
  closure: { 'zh-CN': '销号申请', en: 'Closure request' },
  evidence: { 'zh-CN': '佐证材料', en: 'Evidence' },
  progress_update: { 'zh-CN': '进展记录', en: 'Progress update' },
  share_link: { 'zh-CN': '分享链接', en: 'Share link' },
  postponement: { 'zh-CN': '延期申请', en: 'Postponement' },
  supervision_notice: { 'zh-CN': '督办函', en: 'Supervision notice' },
  organization: { 'zh-CN': '单位', en: 'Organisation' },
  report_submission: { 'zh-CN': '整改报告报送', en: 'Report submission' },
  follow_up: { 'zh-CN': '回头看', en: 'Follow-up review' },
  follow_up_item: { 'zh-CN': '回头看结果', en: 'Follow-up result' },
  regulation: { 'zh-CN': '建章立制', en: 'Regulation' },
  meeting: { 'zh-CN': '会议', en: 'Meeting' },
  leading_group_member: { 'zh-CN': '领导小组成员', en: 'Leading group member' },
  public_page: { 'zh-CN': '群众监督页', en: 'Public page' },
  public_opinion: { 'zh-CN': '群众意见', en: 'Public opinion' },
};

/** Fields whose name means something else on one entity (a person's title is a post, a rule's its name). */
const ENTITY_FIELD_LABELS: Partial<Record<AuditEntity, Record<string, L>>> = {
  regulation: { title: { 'zh-CN': '名称', en: 'Title' } },
  meeting: { type: { 'zh-CN': '会议类型', en: 'Meeting type' } },
  postponement: { state: { 'zh-CN': '延期申请状态', en: 'Postponement state' }, reason: { 'zh-CN': '延期原因', en: 'Reason' } },
  report_submission: { state: { 'zh-CN': '报告状态', en: 'Report state' } },
};

/** Enum values shown by their label: the vocabulary of a field, on an entity where it differs. */
const VALUE_LABELS: Record<string, Record<string, L>> = {
  status: measureStatusLabels,
  kind: measureKindLabels,
  state: closureStateLabels,
  role: roleLabels,
  checkInCadence: checkInCadenceLabels,
  result: followUpResultLabels,
  scope: followUpScopeLabels,
  type: meetingTypeLabels,
};
const ENTITY_VALUE_LABELS: Partial<Record<AuditEntity, Record<string, Record<string, L>>>> = {
  postponement: { state: postponementStateLabels },
  report_submission: { state: reportStateLabels },
};

const ACTION_LABELS: Record<AuditAction, L> = {
  create: { 'zh-CN': '新增', en: 'created' },
  update: { 'zh-CN': '修改', en: 'changed' },
  delete: { 'zh-CN': '删除', en: 'deleted' },
  submit: { 'zh-CN': '申请销号', en: 'submitted for closure' },
  approve: { 'zh-CN': '同意销号', en: 'approved the closure' },
  reject: { 'zh-CN': '退回销号申请', en: 'rejected the closure' },
  reopen: { 'zh-CN': '重新打开', en: 'reopened' },
  password_change: { 'zh-CN': '修改密码', en: 'changed the password' },
  password_reset: { 'zh-CN': '重置密码', en: 'reset the password' },
  revoke: { 'zh-CN': '撤销', en: 'revoked' },
  import: { 'zh-CN': '导入', en: 'imported' },
  issue: { 'zh-CN': '签发', en: 'issued' },
};

/** The workflow words are a closure's by default; a postponement or a report says its own. */
const ENTITY_ACTION_LABELS: Partial<Record<AuditEntity, Partial<Record<AuditAction, L>>>> = {
  postponement: {
    submit: { 'zh-CN': '申请延期', en: 'requested' },
    approve: { 'zh-CN': '同意延期', en: 'approved' },
    reject: { 'zh-CN': '不同意延期', en: 'refused' },
  },
  report_submission: {
    submit: { 'zh-CN': '报送', en: 'submitted' },
    approve: { 'zh-CN': '审核通过', en: 'accepted' },
    reject: { 'zh-CN': '退回', en: 'returned' },
  },
};

export const fieldLabel = (field: string, locale: Locale, entity?: AuditEntity) =>
  (entity && ENTITY_FIELD_LABELS[entity]?.[field]?.[locale]) ?? FIELD_LABELS[field]?.[locale] ?? field;
export const entityLabel = (entity: AuditEntity, locale: Locale) => ENTITY_LABELS[entity][locale];
export const actionLabel = (action: AuditAction, locale: Locale, entity?: AuditEntity) =>
  (entity && ENTITY_ACTION_LABELS[entity]?.[action]?.[locale]) ?? ACTION_LABELS[action][locale];

const lookup = (labels: Record<string, L>, value: unknown, locale: Locale) =>
  typeof value === 'string' && labels[value] ? labels[value][locale] : undefined;

/** Names of referenced rows, as the API resolved them (AuditEntry.names). */
export type NameLookup = Record<string, string> | undefined;

/** A value of the audit log as a reader sees it: enums by their label, ids by name, empty as "—", lists joined. */
export function formatValue(field: string, value: unknown, locale: Locale, names?: NameLookup, entity?: AuditEntity): string {
  if (value === null || value === undefined || value === '') return '—';
  const kind = AUDIT_REFERENCE_FIELDS[field as keyof typeof AUDIT_REFERENCE_FIELDS];
  if (kind) {
    const name = (id: unknown) => (typeof id === 'number' ? (names?.[auditNameKey(kind, id)] ?? (locale === 'en' ? '(deleted)' : '（已删除）')) : String(id));
    if (Array.isArray(value)) return value.length ? value.map(name).join(locale === 'en' ? ', ' : '、') : '—';
    return name(value);
  }
  // Lists of rows the API does not name: how many, not their ids.
  if ((field === 'categoryIds' || field === 'measureIds') && Array.isArray(value)) return locale === 'en' ? `${value.length}` : `${value.length} 项`;
  const vocabulary = (entity && ENTITY_VALUE_LABELS[entity]?.[field]) ?? VALUE_LABELS[field];
  if (vocabulary) return lookup(vocabulary, value, locale) ?? String(value);
  if ((field === 'progress' || field === 'percent') && typeof value === 'number') return `${value}%`;
  if (typeof value === 'boolean') return value ? (locale === 'en' ? 'yes' : '是') : locale === 'en' ? 'no' : '否';
  if (field === 'figures' && Array.isArray(value)) {
    return value
      .map((f) => (f && typeof f === 'object' ? `${(f as { label?: string }).label ?? ''} ${(f as { value?: number }).value ?? ''}${(f as { unit?: string }).unit ?? ''}`.trim() : String(f)))
      .join('；') || '—';
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
  return String(value);
}

export interface ChangeRow {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The changes of one audit entry worth showing, in a stable order (known fields first). */
export function changeRows(changes: Record<string, { before: unknown; after: unknown }>, locale: Locale, names?: NameLookup, entity?: AuditEntity): ChangeRow[] {
  const order = Object.keys(FIELD_LABELS);
  return Object.entries(changes)
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .sort(([a], [b]) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia === -1 ? order.length : ia) - (ib === -1 ? order.length : ib);
    })
    .map(([field, { before, after }]) => ({
      field,
      label: fieldLabel(field, locale, entity),
      before: formatValue(field, before, locale, names, entity),
      after: formatValue(field, after, locale, names, entity),
    }));
}

/** 1.2 MB, 340 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
