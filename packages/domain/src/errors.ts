import type { Locale } from './enums.js';

/**
 * Every error the API returns has one of these codes, one shape
 * (`{error: {code, message, details}}`) and a message in Chinese first, English on request.
 */
export const errorMessages = {
  BAD_REQUEST: { 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  VALIDATION_FAILED: { 'zh-CN': '提交的数据不符合要求', en: 'The submitted data is invalid' },
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
