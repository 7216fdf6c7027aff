import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { FollowUpCreate, MeasureUpdate, MeetingCreate, PostponementCreate, RegulationCreate } from '@rectify/domain';
import { actionLabel, changeRows, fieldLabel, formatBytes, formatValue } from './history';
import { measureActions } from './measureActions';
import { editablePayload, toFormValues } from './measureForm';
import { toProgressBody } from './progressForm';
import { measure } from '../../test/fixtures';
import { taskBadge, taskRowTone } from '../tasks/taskRows';

const access = (over: Partial<{ update: boolean; progress: boolean; decideClosure: boolean; reopen: boolean }> = {}) => ({
  update: false,
  progress: false,
  decideClosure: false,
  reopen: false,
  ...over,
});

describe('measureActions', () => {
  it('hides what myAccess forbids (an inspector: nothing)', () => {
    expect(measureActions({ status: 'in_progress', locked: false, myAccess: access(), evidenceCount: 3, latestClosure: null })).toEqual({
      locked: false,
      edit: 'hidden',
      report: false,
      submit: 'hidden',
    });
  });
  it('disables submitting for closure until there is evidence', () => {
    const m = { status: 'in_progress' as const, locked: false, myAccess: access({ update: true, progress: true }), latestClosure: null };
    expect(measureActions({ ...m, evidenceCount: 0 }).submit).toBe('needsEvidence');
    expect(measureActions({ ...m, evidenceCount: 1 }).submit).toBe('enabled');
  });
  it('does not offer a second request while one is pending', () => {
    expect(
      measureActions({ status: 'pending_closure', locked: false, myAccess: access({ progress: true }), evidenceCount: 1, latestClosure: null }).submit,
    ).toBe('hidden');
  });
  it('locks a closed measure: edit disabled, no progress, no submission', () => {
    const a = measureActions({ status: 'closed', locked: true, myAccess: access({ update: true, progress: true, reopen: true }), evidenceCount: 2, latestClosure: null });
    expect(a).toMatchObject({ locked: true, edit: 'locked', report: false, submit: 'hidden' });
  });
  it('follows the lock the server sends, not the status it could guess from', () => {
    const a = measureActions({ status: 'pending_closure', locked: true, myAccess: access({ update: true, progress: true }), evidenceCount: 1, latestClosure: null });
    expect(a).toMatchObject({ locked: true, edit: 'locked', report: false });
  });
});

describe('history', () => {
  it('shows enums by their label, hides bookkeeping and orders known fields first', () => {
    const rows = changeRows(
      {
        version: { before: 1, after: 2 },
        zzz: { before: null, after: 'x' },
        progress: { before: 80, after: 100 },
        status: { before: 'in_progress', after: 'pending_closure' },
      },
      'zh-CN',
    );
    expect(rows.map((r) => r.field)).toEqual(['status', 'progress', 'zzz']);
    expect(rows[0]).toMatchObject({ label: '整改状态', before: '整改中', after: '待销号' });
    expect(rows[1]).toMatchObject({ before: '80%', after: '100%' });
    expect(changeRows({ state: { before: 'pending', after: 'rejected' } }, 'en')[0]).toMatchObject({ label: 'Closure state', before: 'Pending', after: 'Rejected' });
  });
  it('names every field a measure, postponement, follow-up, rule or meeting can change (no raw field names in the history)', () => {
    const fields = (schema: { properties: Record<string, unknown> }) => Object.keys(schema.properties);
    const entities = { measure: MeasureUpdate, postponement: PostponementCreate, follow_up: FollowUpCreate, regulation: RegulationCreate, meeting: MeetingCreate } as const;
    for (const [entity, schema] of Object.entries(entities)) {
      for (const field of fields(schema)) {
        if (field === 'version') continue;
        expect.soft(fieldLabel(field, 'zh-CN', entity as keyof typeof entities), `${entity}.${field}`).not.toBe(field);
      }
    }
  });
  it('shows each entity’s own vocabulary: a refused postponement, a slid-back follow-up, a monthly check-in', () => {
    expect(changeRows({ state: { before: 'pending', after: 'refused' } }, 'zh-CN', undefined, 'postponement')[0]).toMatchObject({ label: '延期申请状态', before: '待审核', after: '未同意' });
    expect(changeRows({ result: { before: null, after: 'slid' } }, 'en', undefined, 'follow_up_item')[0]).toMatchObject({ label: 'Follow-up result' });
    expect(changeRows({ result: { before: null, after: 'slid' } }, 'zh-CN', undefined, 'follow_up_item')[0]!.after).toBe('反弹');
    expect(changeRows({ checkInCadence: { before: null, after: 'monthly' } }, 'zh-CN', undefined, 'measure')[0]).toMatchObject({ label: '报送周期', after: '每月' });
    expect(changeRows({ title: { before: null, after: '局长' } }, 'zh-CN', undefined, 'person')[0]!.label).toBe('职务');
    expect(changeRows({ title: { before: null, after: '《管理办法》' } }, 'zh-CN', undefined, 'regulation')[0]!.label).toBe('名称');
    expect(actionLabel('reject', 'zh-CN', 'postponement')).toBe('不同意延期');
    expect(actionLabel('reject', 'zh-CN', 'closure')).toBe('退回销号申请');
    expect(actionLabel('issue', 'en', 'supervision_notice')).toBe('issued');
  });
  it('names people, departments and problems instead of showing their ids, and hides bookkeeping', () => {
    const names = { 'person:3': '莫海涛', 'department:5': '体育股', 'department:6': '办公室', 'problem:21': '2. 全民健身及文化服务存在不足' };
    const rows = changeRows(
      {
        leaderId: { before: null, after: 3 },
        coDepartmentIds: { before: [], after: [5, 6] },
        problemId: { before: null, after: 21 },
        leadDepartmentId: { before: 9, after: 5 },
        demo: { before: null, after: false },
      },
      'zh-CN',
      names,
    );
    expect(rows.map((r) => [r.label, r.before, r.after])).toEqual([
      ['责任领导', '—', '莫海涛'],
      ['牵头科室', '（已删除）', '体育股'],
      ['协办科室', '—', '体育股、办公室'],
      ['所属问题', '—', '2. 全民健身及文化服务存在不足'],
    ]);
  });
  it('formats empty values, figures, timestamps and sizes', () => {
    expect(formatValue('outcome', null, 'zh-CN')).toBe('—');
    expect(formatValue('figures', [{ label: '维修健身器材', value: 55, unit: '件' }], 'zh-CN')).toBe('维修健身器材 55件');
    expect(formatValue('decidedAt', '2024-01-10T08:30:00.000Z', 'zh-CN')).toBe('2024-01-10 16:30');
    expect(formatBytes(70)).toBe('70 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('toProgressBody', () => {
  it('sends the date as YYYY-MM-DD, trims, and drops empty figure rows', () => {
    expect(
      toProgressBody({
        date: dayjs('2024-03-05'),
        percent: 55.4,
        text: '  已维修  ',
        figures: [{ label: ' 维修健身器材 ', value: 55, unit: ' 件 ' }, { label: '', value: 3, unit: '' }, { label: 'x', value: null, unit: '' }],
      }),
    ).toEqual({ date: '2024-03-05', text: '已维修', percent: 55, figures: [{ label: '维修健身器材', value: 55, unit: '件' }] });
    expect(toProgressBody({ date: dayjs('2024-03-05'), percent: 0, text: 'a' })).not.toHaveProperty('figures');
  });
});

describe('editablePayload', () => {
  it('sends only what the role may change, and never clears a field the form does not hold', () => {
    const values = { ...toFormValues(measure), manifestationId: undefined as unknown as null };
    const officer = editablePayload(values, ['progress', 'outcome']);
    expect(Object.keys(officer).sort()).toEqual(['outcome', 'progress']);
    expect(editablePayload(values)).not.toHaveProperty('manifestationId');
  });
});

describe('tasks', () => {
  it('tones overdue rows red and those due soon amber', () => {
    expect(taskRowTone({ overdue: true, dueSoon: false, status: 'in_progress' })).toBe('overdue');
    expect(taskRowTone({ overdue: false, dueSoon: true, status: 'in_progress' })).toBe('dueSoon');
    expect(taskRowTone({ overdue: true, dueSoon: true, status: 'closed' })).toBeNull();
  });
  it('badges the menu overdue/total, or the total alone', () => {
    expect(taskBadge({ total: 3, overdue: 1, dueSoon: 0, pendingClosure: 0, rejected: 0 })).toEqual({ text: '1/3', danger: true });
    expect(taskBadge({ total: 2, overdue: 0, dueSoon: 1, pendingClosure: 0, rejected: 0 })).toEqual({ text: '2', danger: false });
    expect(taskBadge({ total: 0, overdue: 0, dueSoon: 0, pendingClosure: 0, rejected: 0 })).toBeNull();
  });
});
