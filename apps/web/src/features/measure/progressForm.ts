import type { Dayjs } from 'dayjs';
import type { ProgressUpdateCreate } from '@rectify/domain';

export interface ProgressFormValues {
  date: Dayjs;
  percent: number;
  text: string;
  figures?: { label?: string; value?: number | null; unit?: string }[];
}

/** The form's values as POST /api/measures/:id/updates wants them (empty figure rows dropped). */
export function toProgressBody(values: ProgressFormValues): ProgressUpdateCreate {
  const figures = (values.figures ?? [])
    .filter((f) => (f.label ?? '').trim() && typeof f.value === 'number' && Number.isFinite(f.value))
    .map((f) => ({ label: f.label!.trim(), value: f.value as number, unit: (f.unit ?? '').trim() }));
  return {
    date: values.date.format('YYYY-MM-DD'),
    text: values.text.trim(),
    percent: Math.max(0, Math.min(100, Math.round(values.percent ?? 0))),
    ...(figures.length ? { figures } : {}),
  };
}
