import type { Locale } from './enums.js';

/**
 * Every error the API returns has one of these codes, one shape
 * (`{error: {code, message, details}}`) and a message in Chinese first, English on request.
 */
export const errorMessages = {
  BAD_REQUEST: { 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  VALIDATION_FAILED: { 'zh-CN': '提交的数据不符合要求', en: 'The submitted data is invalid' },
  INVALID_CURSOR: {
    'zh-CN': '分页位置无效或已过期，请从第一页重新加载',
    en: 'The page cursor is invalid or belongs to another listing; load from the first page again',
  },
  NOT_FOUND: { 'zh-CN': '找不到请求的记录', en: 'The requested record does not exist' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  VERSION_CONFLICT: {
    'zh-CN': '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload it and try again',
  },
  DUPLICATE: { 'zh-CN': '已存在同名记录', en: 'A record with the same name already exists' },
  IN_USE: { 'zh-CN': '该记录仍被其他数据引用，不能删除', en: 'The record is still referenced and cannot be deleted' },
  HAS_CHILDREN: { 'zh-CN': '请先删除其下级内容', en: 'Delete what is under it first' },
  INVALID_REFERENCE: { 'zh-CN': '引用的记录不存在', en: 'A referenced record does not exist' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '上传内容过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  UNAUTHORIZED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  FORBIDDEN: { 'zh-CN': '没有执行此操作的权限', en: 'You may not do this' },
  PDF_UNAVAILABLE: {
    'zh-CN': '服务器未安装 chromium，无法生成 PDF；请下载 Word 版本',
    en: 'PDF printing needs chromium on the server; download the Word version instead',
  },
  INVALID_FILE: { 'zh-CN': '文件无法读取或格式不正确', en: 'The file cannot be read or is not of the expected format' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码不正确', en: 'Wrong username or password' },
  TOO_MANY_ATTEMPTS: {
    'zh-CN': '登录失败次数过多，请稍后再试',
    en: 'Too many failed sign-in attempts; try again later',
  },
  WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  SELF_LOCKOUT: {
    'zh-CN': '不能停用自己的账号或取消自己的管理员角色',
    en: 'You cannot deactivate your own account or remove your own administrator role',
  },
  MEASURE_LOCKED: {
    'zh-CN': '该整改措施已销号并锁定，需由整改办公室重新打开后才能修改',
    en: 'This measure is closed and locked; the office must reopen it before it can change',
  },
  EVIDENCE_REQUIRED: {
    'zh-CN': '申请销号前请至少上传一份佐证材料',
    en: 'Upload at least one piece of evidence before submitting for closure',
  },
  CLOSURE_PENDING: {
    'zh-CN': '该整改措施已申请销号，正在等待审核',
    en: 'A closure request for this measure is already awaiting a decision',
  },
  CLOSURE_NOT_PENDING: {
    'zh-CN': '该销号申请已处理，不能重复审核',
    en: 'This closure request has already been decided',
  },
  POSTPONEMENT_NOT_PENDING: {
    'zh-CN': '该延期申请已处理，不能重复审核',
    en: 'This postponement request has already been decided',
  },
  POSTPONEMENT_PENDING: {
    'zh-CN': '该整改措施已有待审核的延期申请',
    en: 'This measure already has a postponement request waiting for a decision',
  },
  POSTPONEMENT_NOT_LATER: {
    'zh-CN': '申请的新时限须晚于当前完成时限',
    en: 'The requested deadline must be later than the current one',
  },
  POSTPONEMENT_NOT_APPLICABLE: {
    'zh-CN': '长期坚持或没有完成时限的整改措施无需申请延期',
    en: 'A long-term measure, or one without a deadline, cannot be postponed',
  },
  NOTICE_MIXED_TARGETS: {
    'zh-CN': '一份督办函只能针对同一个科室或同一位责任领导的整改措施',
    en: 'One supervision notice covers the measures of one department or one leader only',
  },
  NOTICE_MEASURE_CLOSED: {
    'zh-CN': '已销号的整改措施无需督办',
    en: 'A closed measure needs no supervision notice',
  },
  REPORT_STATE: {
    'zh-CN': '整改报告当前状态不允许此操作（已报送待审核的不能重复报送，只能审核已报送的报告）',
    en: 'The report is not in a state that allows this (a submitted report cannot be submitted again; only a submitted one can be decided)',
  },
  MEASURE_NOT_CLOSED: {
    'zh-CN': '该整改措施尚未销号，无需重新打开',
    en: 'This measure is not closed, so it cannot be reopened',
  },
  FOLLOW_UP_EMPTY: {
    'zh-CN': '所选范围内没有已销号的整改措施，无需回头看',
    en: 'There is no closed measure in the chosen scope to review',
  },
  FOLLOW_UP_MEASURE_NOT_CLOSED: {
    'zh-CN': '回头看只针对已销号的整改措施',
    en: 'A follow-up review covers closed measures only',
  },
  FOLLOW_UP_ITEM_RECORDED: {
    'zh-CN': '该措施的回头看结果已记录，不能重复记录',
    en: 'The result for this measure has already been recorded',
  },
  FOLLOW_UP_HAS_RESULTS: {
    'zh-CN': '该回头看已记录检查结果，不能删除，也不能再修改开展日期、检查人或范围（可修改说明，或更正单项结果）',
    en: 'This follow-up review has recorded results: it cannot be deleted, nor its day, reviewer or scope changed (its note can be, and a result corrected)',
  },
  FOLLOW_UP_ITEM_NOT_RECORDED: {
    'zh-CN': '该措施的回头看结果尚未记录，无需更正，请直接记录',
    en: 'No result has been recorded for this measure yet: record it instead of correcting it',
  },
  FOLLOW_UP_NOT_REVIEWER: {
    'zh-CN': '只有本次回头看的检查人或整改办公室可以记录结果',
    en: 'Only the reviewer of this follow-up or the office may record its results',
  },
  FOLLOW_UP_DEADLINE_REQUIRED: {
    'zh-CN': '该整改措施原定的完成时限已过：记录反弹、重新打开时须设定新的完成时限（限期整改，不早于今天）',
    en: 'The measure’s deadline has passed: recording it as slid back reopens it, and needs a new deadline for the re-rectification (today or later)',
  },
  FOLLOW_UP_DEADLINE_PAST: {
    'zh-CN': '重新整改的完成时限不能早于今天',
    en: 'The new deadline for the re-rectification cannot be before today',
  },
  FOLLOW_UP_DEADLINE_LONG_TERM: {
    'zh-CN': '长期坚持的整改措施按报送周期推进，不设完成时限',
    en: 'A long-term measure is held to its check-ins and takes no deadline',
  },
  FOLLOW_UP_DEADLINE_NOT_REOPENING: {
    'zh-CN': '只有记录反弹并重新打开整改措施时才可设定新的完成时限',
    en: 'A new deadline goes only with a result of slid back that reopens the measure',
  },
  FILE_MISSING: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  FILE_TYPE_NOT_ALLOWED: {
    'zh-CN': '不支持的文件类型：仅接受 PDF、图片（PNG、JPEG、GIF、WebP）、Word（doc、docx）和 Excel（xls、xlsx）文件',
    en: 'Unsupported file type: only PDF, images (PNG, JPEG, GIF, WebP), Word (doc, docx) and Excel (xls, xlsx) files are accepted',
  },
  FILE_TYPE_MISMATCH: {
    'zh-CN': '文件内容与文件扩展名不符，请检查文件是否正确',
    en: "The file's content does not match its extension; check that it is the right file",
  },
  FILE_TOO_LARGE: { 'zh-CN': '文件过大：每个文件不能超过 20 MB', en: 'File too large: each file may be at most 20 MB' },
  PUBLIC_PAGE_NOT_FOUND: {
    'zh-CN': '该群众监督页面不存在或已关闭',
    en: 'This public supervision page does not exist or has been switched off',
  },
  SHARE_LINK_INVALID: {
    'zh-CN': '分享链接无效、已过期或已被撤销',
    en: 'The share link is invalid, expired or revoked',
  },
  MALFORMED_UPLOAD: {
    'zh-CN': '上传内容不完整或格式错误（multipart 表单无法解析），请重新上传',
    en: 'The upload is incomplete or malformed (the multipart form cannot be read); upload it again',
  },
  ARCHIVE_TOO_LARGE: {
    'zh-CN': '文件解压后过大或结构异常（可能是压缩炸弹），已拒绝',
    en: 'The file unpacks to too much data or has an abnormal structure (possibly a zip bomb); refused',
  },
  SERVER_BUSY: {
    'zh-CN': '服务器正在处理其他导入，请稍后重试',
    en: 'The server is busy with other imports; try again shortly',
  },
  TOO_MANY_REQUESTS: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INVALID_TEXT: {
    'zh-CN': '文本含有无效字符（不成对的代理项），请检查后重新提交',
    en: 'The text contains invalid characters (unpaired surrogates); check it and submit again',
  },
  CROSS_SITE_REQUEST: {
    'zh-CN': '拒绝来自其他网站的修改请求',
    en: 'Changes requested from another site are refused',
  },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorMessages[code][locale];
}

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
