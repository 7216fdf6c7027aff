import { useMemo } from 'react';
import { DatePicker, Form, Input, Radio, Select, type FormInstance } from 'antd';
import type dayjs from 'dayjs';
import type { FollowUpScope } from '@rectify/domain';
import { usePeople, useRound, useRoundTree } from '../../api/hooks';
import { useT } from '../../i18n';

/** What the schedule and edit forms of a 回头看 hold. */
export interface FollowUpForm {
  scheduledOn: dayjs.Dayjs;
  reviewerId?: number | null;
  scope: FollowUpScope;
  categoryIds?: number[];
  measureIds?: number[];
  note?: string | null;
}

/**
 * The fields of a 回头看: the day, the reviewer (a person of the round's unit), the scope (with its
 * categories or closed measures) and the note. `fixed`: a result is recorded (the API's `locked`),
 * so the day, the reviewer and the scope are shown but not editable.
 */
export function FollowUpFields({ form, roundId, open, fixed = false }: { form: FormInstance<FollowUpForm>; roundId: number; open: boolean; fixed?: boolean }) {
  const t = useT();
  const round = useRound(roundId);
  const tree = useRoundTree(roundId, open);
  const people = usePeople(open ? round.data?.inspectedUnit.id : undefined);
  const scope = Form.useWatch('scope', form) ?? 'round';
  const chosen = Form.useWatch('measureIds', form);
  const closed = useMemo(
    () =>
      (tree.data?.categories ?? []).flatMap((c) =>
        c.problems.flatMap((p) =>
          // Closed measures can be chosen; those a review already covers stay listed whatever their status.
          p.measures.filter((m) => m.status === 'closed' || chosen?.includes(m.id)).map((m) => ({ value: m.id, label: `${c.ordinal}.${p.ordinal}.${m.ordinal} ${m.text}` })),
        ),
      ),
    [tree.data, chosen],
  );
  return (
    <>
      <Form.Item name="scheduledOn" label={t('followUps.date')} rules={[{ required: true, message: t('followUps.dateRequired') }]}>
        <DatePicker style={{ width: '100%' }} disabled={fixed} data-testid="follow-up-date" />
      </Form.Item>
      <Form.Item name="reviewerId" label={t('followUps.reviewer')}>
        <Select
          allowClear
          showSearch
          disabled={fixed}
          optionFilterProp="label"
          placeholder={t('followUps.noReviewer')}
          loading={people.isLoading}
          options={(people.data ?? []).filter((p) => p.active !== false).map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
          data-testid="follow-up-reviewer"
        />
      </Form.Item>
      <Form.Item name="scope" label={t('followUps.scope')}>
        <Radio.Group disabled={fixed} data-testid="follow-up-scope">
          {(['round', 'categories', 'measures'] as const).map((s) => (
            <Radio key={s} value={s} data-testid={`follow-up-scope-${s}`}>
              {t(`followUps.scope.${s}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {scope === 'categories' && (
        <Form.Item name="categoryIds" label={t('followUps.categories')} rules={[{ required: true, message: t('followUps.categoriesRequired') }]}>
          <Select mode="multiple" disabled={fixed} options={(tree.data?.categories ?? []).map((c) => ({ value: c.id, label: `${c.ordinal}. ${c.title}` }))} data-testid="follow-up-categories" />
        </Form.Item>
      )}
      {scope === 'measures' && (
        <Form.Item name="measureIds" label={t('followUps.measures')} rules={[{ required: true, message: t('followUps.measuresRequired') }]}>
          <Select mode="multiple" disabled={fixed} showSearch optionFilterProp="label" options={closed} data-testid="follow-up-measures" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('followUps.note')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="follow-up-note" />
      </Form.Item>
    </>
  );
}
