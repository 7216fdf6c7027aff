/**
 * The English catalogue, one chunk fetched only when English is chosen (loadLocale in
 * ../translate.ts): Chinese readers never download it. Each part has exactly its Chinese half's
 * keys, and `Messages` makes a key missing from English a type error.
 */
import type { Messages } from '../messages';
import { messagesEn } from './messages';
import { documentsEn } from './documents';
import { workflowEn } from './workflow';
import { shareEn } from './share';
import { timeEn } from './time';
import { followUpsEn } from './followups';
import { everydayEn } from './everyday';
import { unitsEn } from './units';
import { publicSupervisionEn } from './publicSupervision';
import { registersEn } from './registers';

export const en: Messages = {
  ...messagesEn,
  ...documentsEn,
  ...workflowEn,
  ...shareEn,
  ...timeEn,
  ...followUpsEn,
  ...everydayEn,
  ...unitsEn,
  ...publicSupervisionEn,
  ...registersEn,
};
