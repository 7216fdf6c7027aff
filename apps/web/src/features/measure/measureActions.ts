import type { MeasureDetail } from '@rectify/domain';

export interface MeasureActions {
  locked: boolean;
  /** 编辑措施: hidden without the right, disabled (with a note) while the measure is closed. */
  edit: 'enabled' | 'locked' | 'hidden';
  /** 报送进展 and evidence upload. */
  report: boolean;
  /** 申请销号: disabled (with an explanation) while there is no evidence. */
  submit: 'enabled' | 'needsEvidence' | 'hidden';
}

/**
 * Which buttons the measure page shows, from what the server says: what the account may do
 * (`myAccess`, the domain's `measureAccess`) and whether the measure is `locked`. Nothing here
 * recomputes a right or the lock.
 */
export function measureActions(m: Pick<MeasureDetail, 'status' | 'locked' | 'myAccess' | 'evidenceCount' | 'latestClosure'>): MeasureActions {
  const { locked, myAccess: access } = m;
  const mayEdit = access.update;
  const mayReport = access.progress;
  const pending = m.status === 'pending_closure' || m.latestClosure?.state === 'pending';
  return {
    locked,
    edit: !mayEdit ? 'hidden' : locked ? 'locked' : 'enabled',
    report: mayReport && !locked,
    submit: !mayReport || locked || pending ? 'hidden' : m.evidenceCount > 0 ? 'enabled' : 'needsEvidence',
  };
}
