import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Slider } from 'antd';
import { CHECK_IN_CADENCES, MEASURE_KINDS, MEASURE_STATUSES, type Department, type MeasureField, type Person } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { kindLabel, statusLabel } from '../../shared/labels';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { DepartmentPicker, PersonPicker } from '../people/StaffPickers';
import { DATE_FORMAT } from './measureForm';

interface Props {
  /** The measure's unit: people and departments added from the pickers belong to it. */
  organizationId: number | undefined;
  people: Person[] | undefined;
  departments: Department[] | undefined;
  loadingRefs?: boolean;
  /** The problem's manifestations, when the measure may be linked to one. */
  manifestations?: { id: number; ordinal: number; text: string }[];
  /** The fields the account may change; the others are shown read-only. All when absent. */
  editable?: readonly MeasureField[];
}

/** The fields of a measure, shared by the measure page's edit form and the tree's modal. */
export function MeasureFields({ organizationId, people, departments, loadingRefs, manifestations, editable }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const status = Form.useWatch('status');
  const kind = Form.useWatch('kind');
  const canAddStaff = hasAccess(useMe().data, 'hierarchy.write');
  const readOnly = (field: MeasureField) => (editable ? !editable.includes(field) : false);
  const staff = { organizationId, people, departments, loading: loadingRefs, canAdd: canAddStaff };

  return (
    <>
      <Form.Item name="text" label={t('measure.text')} rules={[{ required: true, whitespace: true, message: t('measure.textRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} disabled={readOnly('text')} />
      </Form.Item>
      {manifestations && manifestations.length > 0 && (
        <Form.Item name="manifestationId" label={t('measure.manifestation')}>
          <Select
            allowClear
            disabled={readOnly('manifestationId')}
            placeholder={t('measure.selectPlaceholder')}
            options={manifestations.map((m) => ({ value: m.id, label: `${m.ordinal}. ${m.text}` }))}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('measure.kind')}>
            <Select disabled={readOnly('kind')} options={MEASURE_KINDS.map((k) => ({ value: k, label: kindLabel(k, locale) }))} />
          </Form.Item>
        </Col>
        {kind === 'long_term' && (
          <Col xs={24} sm={12}>
            <Form.Item name="checkInCadence" label={t('measure.checkInCadence')} extra={t('measure.checkInCadenceHint')}>
              <Select
                allowClear
                data-testid="check-in-cadence"
                disabled={readOnly('checkInCadence')}
                placeholder={t('measure.checkInNone')}
                options={CHECK_IN_CADENCES.map((c) => ({ value: c, label: t(`measure.checkIn.${c}`) }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="status" label={t('measure.status')}>
            <Select
              data-testid="status-select"
              disabled={readOnly('status')}
              options={MEASURE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, locale) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="deadline" label={t('measure.deadline')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabled={readOnly('deadline')} placeholder={t('measure.datePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="completedDate" label={t('measure.completedDate')}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabled={status !== 'closed' || readOnly('completedDate')}
              placeholder={t('measure.datePlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="leaderId" label={t('measure.leader')}>
            {readOnly('leaderId') ? <ReadOnlyRef options={people} /> : <PersonPicker {...staff} data-testid="leader-picker" />}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="leadDepartmentId" label={t('measure.leadDepartment')}>
            {readOnly('leadDepartmentId') ? <ReadOnlyRef options={departments} /> : <DepartmentPicker {...staff} data-testid="lead-department-picker" />}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="coDepartmentIds" label={t('measure.coDepartments')}>
        {readOnly('coDepartmentIds') ? <ReadOnlyRef options={departments} /> : <DepartmentPicker {...staff} multiple data-testid="co-departments-picker" />}
      </Form.Item>
      <Form.Item label={t('measure.progress')}>
        <Row gutter={12} align="middle">
          <Col flex="auto">
            <Form.Item name="progress" noStyle>
              <Slider min={0} max={100} disabled={status === 'closed' || readOnly('progress')} aria-label={t('measure.progress')} />
            </Form.Item>
          </Col>
          <Col flex="90px">
            <Form.Item name="progress" noStyle>
              <InputNumber min={0} max={100} suffix="%" disabled={status === 'closed' || readOnly('progress')} style={{ width: '100%' }} aria-label={t('measure.progress')} />
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Form.Item name="outcome" label={t('measure.outcome')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} disabled={readOnly('outcome')} />
      </Form.Item>
    </>
  );
}

/** A reference the account may not change, shown as its name(s) in a disabled field. */
function ReadOnlyRef({ options, value, id }: { options: readonly { id: number; name: string }[] | undefined; value?: number | number[] | null; id?: string }) {
  const t = useT();
  const ids = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const names = ids.map((v) => options?.find((o) => o.id === v)?.name ?? t('common.none'));
  return <Input id={id} disabled value={names.length ? names.join('、') : t('common.none')} />;
}
