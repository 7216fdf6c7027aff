import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Slider } from 'antd';
import { MEASURE_KINDS, MEASURE_STATUSES, type Department, type Person } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { kindLabel, statusLabel } from '../../shared/labels';
import { DATE_FORMAT } from './measureForm';

interface Props {
  people: Person[] | undefined;
  departments: Department[] | undefined;
  loadingRefs?: boolean;
  /** The problem's manifestations, when the measure may be linked to one. */
  manifestations?: { id: number; ordinal: number; text: string }[];
}

/** The fields of a measure, shared by the measure page's edit form and the tree's modal. */
export function MeasureFields({ people, departments, loadingRefs, manifestations }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const status = Form.useWatch('status');
  const personOptions = (people ?? []).map((p) => ({
    value: p.id,
    label: p.title ? `${p.name}（${p.title}）` : p.name,
  }));
  const departmentOptions = (departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  const filterOption = (input: string, option?: { label?: unknown }) =>
    String(option?.label ?? '').toLowerCase().includes(input.toLowerCase());

  return (
    <>
      <Form.Item name="text" label={t('measure.text')} rules={[{ required: true, whitespace: true, message: t('measure.textRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} />
      </Form.Item>
      {manifestations && manifestations.length > 0 && (
        <Form.Item name="manifestationId" label={t('measure.manifestation')}>
          <Select
            allowClear
            placeholder={t('measure.selectPlaceholder')}
            options={manifestations.map((m) => ({ value: m.id, label: `${m.ordinal}. ${m.text}` }))}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('measure.kind')}>
            <Select options={MEASURE_KINDS.map((k) => ({ value: k, label: kindLabel(k, locale) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="status" label={t('measure.status')}>
            <Select
              data-testid="status-select"
              options={MEASURE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, locale) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="deadline" label={t('measure.deadline')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('measure.datePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="completedDate" label={t('measure.completedDate')}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabled={status !== 'closed'}
              placeholder={t('measure.datePlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="leaderId" label={t('measure.leader')}>
            <Select
              allowClear
              showSearch
              loading={loadingRefs}
              filterOption={filterOption}
              placeholder={t('measure.selectPlaceholder')}
              options={personOptions}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="leadDepartmentId" label={t('measure.leadDepartment')}>
            <Select
              allowClear
              showSearch
              loading={loadingRefs}
              filterOption={filterOption}
              placeholder={t('measure.selectPlaceholder')}
              options={departmentOptions}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="coDepartmentIds" label={t('measure.coDepartments')}>
        <Select
          mode="multiple"
          allowClear
          loading={loadingRefs}
          filterOption={filterOption}
          placeholder={t('measure.selectPlaceholder')}
          options={departmentOptions}
        />
      </Form.Item>
      <Form.Item label={t('measure.progress')}>
        <Row gutter={12} align="middle">
          <Col flex="auto">
            <Form.Item name="progress" noStyle>
              <Slider min={0} max={100} disabled={status === 'closed'} />
            </Form.Item>
          </Col>
          <Col flex="90px">
            <Form.Item name="progress" noStyle>
              <InputNumber min={0} max={100} suffix="%" disabled={status === 'closed'} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Form.Item name="outcome" label={t('measure.outcome')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
      </Form.Item>
    </>
  );
}
