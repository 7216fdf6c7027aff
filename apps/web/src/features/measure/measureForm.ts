import dayjs, { type Dayjs } from 'dayjs';
import type { FormInstance } from 'antd';
import {
  applyStatusChange,
  newMeasureDeadline,
  todayInShanghai,
  type MeasureDetail,
  type MeasureItem,
  type CheckInCadence,
  type MeasureKind,
  type MeasureStatus,
  type MeasureUpdate,
} from '@rectify/domain';

export interface MeasureFormValues {
  text: string;
  kind: MeasureKind;
  /** 长期坚持: how often it checks in (long-term measures only). */
  checkInCadence: CheckInCadence | null;
  status: MeasureStatus;
  deadline: Dayjs | null;
  completedDate: Dayjs | null;
  leaderId: number | null;
  leadDepartmentId: number | null;
  coDepartmentIds: number[];
  progress: number;
  outcome: string;
  manifestationId: number | null;
}

export const DATE_FORMAT = 'YYYY-MM-DD';

const toDay = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso, DATE_FORMAT) : null);
const toIso = (day: Dayjs | null | undefined): string | null => (day && day.isValid() ? day.format(DATE_FORMAT) : null);

/** A new measure's form: its deadline starts at the round's 整改时限, as on the server. */
export function emptyMeasureValues(roundDeadline: string | null = null): MeasureFormValues {
  return {
    text: '',
    kind: 'deadline',
    checkInCadence: null,
    status: 'not_started',
    deadline: toDay(newMeasureDeadline(undefined, roundDeadline)),
    completedDate: null,
    leaderId: null,
    leadDepartmentId: null,
    coDepartmentIds: [],
    progress: 0,
    outcome: '',
    manifestationId: null,
  };
}

export function toFormValues(m: MeasureItem | MeasureDetail): MeasureFormValues {
  return {
    text: m.text,
    kind: m.kind,
    checkInCadence: m.checkInCadence ?? null,
    status: m.status,
    deadline: toDay(m.deadline),
    completedDate: toDay(m.completedDate),
    leaderId: m.leader?.id ?? null,
    leadDepartmentId: m.leadDepartment?.id ?? null,
    coDepartmentIds: 'coDepartments' in m ? m.coDepartments.map((d) => d.id) : [],
    progress: m.progress,
    outcome: 'outcome' in m ? (m.outcome ?? '') : '',
    manifestationId: m.manifestationId,
  };
}

/** The body of a PATCH or POST, without version / problemId. Dates go out as YYYY-MM-DD. */
export function toPayload(v: MeasureFormValues): Omit<MeasureUpdate, 'version'> {
  const outcome = v.outcome?.trim() ?? '';
  return {
    text: v.text.trim(),
    kind: v.kind,
    checkInCadence: v.kind === 'long_term' ? (v.checkInCadence ?? null) : null,
    status: v.status,
    deadline: toIso(v.deadline),
    completedDate: v.status === 'closed' ? toIso(v.completedDate) : null,
    leaderId: v.leaderId ?? null,
    leadDepartmentId: v.leadDepartmentId ?? null,
    coDepartmentIds: [...new Set(v.coDepartmentIds ?? [])],
    progress: v.progress ?? 0,
    outcome: outcome ? outcome : null,
    manifestationId: v.manifestationId ?? null,
  };
}

/**
 * Keeps the form consistent with the domain rule when the status changes: closing sets 100% and a
 * completion date (today if none), reopening clears the completion date.
 */
export function syncStatus(form: FormInstance<MeasureFormValues>, changed: Partial<MeasureFormValues>, previous: MeasureStatus) {
  if (!changed.status || changed.status === previous) return;
  const current = form.getFieldsValue(['completedDate', 'progress']) as Pick<MeasureFormValues, 'completedDate' | 'progress'>;
  const next = applyStatusChange(
    { status: previous, completedDate: toIso(current.completedDate), progress: current.progress ?? 0 },
    { status: changed.status },
    todayInShanghai(),
  );
  form.setFieldsValue({ completedDate: toDay(next.completedDate), progress: next.progress });
}

/**
 * The PATCH body for what the account may change (`editableMeasureFields` of its role; all when
 * unknown). A field the form does not hold (e.g. the manifestation, not shown in the drawer) is
 * left out rather than sent as null, so saving never clears it.
 */
export function editablePayload(
  v: MeasureFormValues,
  editable?: readonly string[],
): Omit<MeasureUpdate, 'version'> {
  const payload: Record<string, unknown> = { ...toPayload(v) };
  if (v.manifestationId === undefined) delete payload.manifestationId;
  if (v.checkInCadence === undefined) delete payload.checkInCadence;
  if (editable) for (const key of Object.keys(payload)) if (!editable.includes(key)) delete payload[key];
  return payload as Omit<MeasureUpdate, 'version'>;
}
