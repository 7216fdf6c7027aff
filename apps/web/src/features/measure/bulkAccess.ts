import { MEASURE_BULK_FIELDS, editableMeasureFields } from '@rectify/domain';
import { useMe } from '../auth/api';

/** Whether the account may use 批量设置 at all (its role may change these fields of a measure). */
export function useMayBulkEdit(): boolean {
  const role = useMe().data?.role;
  return !!role && MEASURE_BULK_FIELDS.every((f) => editableMeasureFields(role).includes(f));
}
