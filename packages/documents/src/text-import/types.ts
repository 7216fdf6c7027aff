export interface ParsedMeasure {
  ordinal: number;
  text: string;
}

export interface ParsedManifestation {
  ordinal: number;
  text: string;
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

export type DeclaredMeetingType = 'leadership' | 'special' | 'org_life' | 'other';

export interface ParsedDeclared {
  problems?: number;
  manifestations?: number;
  measures?: number;
  closed?: number;
  remaining?: number;
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
