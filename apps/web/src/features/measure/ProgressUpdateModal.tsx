import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Slider, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import { useAddProgress } from '../closures/api';
import { toProgressBody, type ProgressFormValues } from './progressForm';

/** 报送进展: a progress update appended to the measure's timeline. */
export function ProgressUpdateModal({
  open,
  measureId,
  currentPercent,
  onClose,
}: {
  open: boolean;
  measureId: number;
  currentPercent: number;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressFormValues>();
  const add = useAddProgress();
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: ProgressFormValues) => {
    setError(null);
    try {
      await add.mutateAsync({ measureId, body: toProgressBody(values) });
      message.success(t('progress.saved'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('progress.title')}
      width={640}
      okText={t('progress.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'progress-save' } as ButtonProps}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      // A fresh form at every opening, starting from today and the current percent; an effect
      // resetting it could wipe what was typed (and did whenever the measure was refetched).
      destroyOnHidden
      afterOpenChange={(visible) => visible || setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="progress-error" />}
      <Form<ProgressFormValues>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), percent: currentPercent, text: '', figures: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="date" label={t('progress.date')} rules={[{ required: true, message: t('progress.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} data-testid="progress-date" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label={t('progress.percent')} required>
              <Space.Compact style={{ width: '100%', alignItems: 'center' }}>
                <Form.Item name="percent" noStyle>
                  <Slider min={0} max={100} step={5} style={{ flex: 1, marginRight: 12 }} />
                </Form.Item>
                <Form.Item name="percent" noStyle rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} data-testid="progress-percent" />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="text" label={t('progress.text')} rules={[{ required: true, whitespace: true, message: t('progress.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={20000} placeholder={t('progress.textPlaceholder')} data-testid="progress-text" />
        </Form.Item>
        <Typography.Text strong>{t('progress.figures')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {t('progress.figuresHint')}
        </Typography.Text>
        <Form.List name="figures">
          {(fields, { add: addRow, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" data-testid="figure-row">
                  <Col span={11}>
                    <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('progress.figureLabelRequired') }]}>
                      <Input placeholder={t('progress.figureLabel')} data-testid="figure-label" />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: t('progress.figureValueRequired') }]}>
                      <InputNumber placeholder={t('progress.figureValue')} style={{ width: '100%' }} data-testid="figure-value" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[field.name, 'unit']}>
                      <Input placeholder={t('progress.figureUnit')} maxLength={20} data-testid="figure-unit" />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => addRow({ label: '', unit: '' })} block data-testid="figure-add">
                {t('progress.addFigure')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
