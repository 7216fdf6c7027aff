import type { MeetingType } from '@rectify/domain';

export interface ParsedMeasure {
  ordinal: number;
  text: string;
  /** 1-based line of the source text it was read from. */
  line: number;
}

export interface ParsedManifestation {
  ordinal: number;
  text: string;
  line: number;
}

export interface ParsedProblem {
  ordinal: number;
  /** false when the heading lost its number in the source and the ordinal was inferred. */
  numbered: boolean;
  title: string;
  manifestations: ParsedManifestation[];
  measures: ParsedMeasure[];
  /** 1-based line of the heading in the input text. */
  line: number;
}

export interface ParsedCategory {
  ordinal: number;
  title: string;
  problems: ParsedProblem[];
  line: number;
}

export interface ParsedRound {
  issuingUnit?: string;
  title?: string;
  committee?: string;
  roundName?: string;
  groupName?: string;
  inspectedUnit?: string;
  inspectionStart?: string;
  inspectionEnd?: string;
  feedbackDate?: string;
  reportDate?: string;
  opening?: string;
  nextSteps?: string;
  contact?: string;
}

/** The meeting types of packages/domain (one list for the registers, the report and this import). */
export type DeclaredMeetingType = MeetingType;

export interface ParsedDeclared {
  problems?: number;
  manifestations?: number;
  measures?: number;
  /** Measures completed / remaining (已完成整改46项，剩余1项). */
  closed?: number;
  remaining?: number;
  /** Problems completed / remaining (巡察反馈25个问题，已完成整改19个), kept apart from measures. */
  problemsClosed?: number;
  problemsRemaining?: number;
  inProgress?: number;
  longTerm?: number;
  /** 追回资金, in 万元. */
  fundsRecovered?: number;
  /** 问责 N 人. */
  accountable?: number;
  regulations?: number;
  meetings?: { type: DeclaredMeetingType; count: number }[];
}

export interface ImportWarning {
  /** 1-based; warnings about the whole text point at line 1. */
  line: number;
  message: string;
  messageEn: string;
}

export interface TextImportPreview {
  round: ParsedRound;
  categories: ParsedCategory[];
  declared: ParsedDeclared;
  regulations: string[];
  warnings: ImportWarning[];
}

/** One input line after normalisation; `no` is its 1-based line number in the original text. */
export interface Line {
  no: number;
  text: string;
}
