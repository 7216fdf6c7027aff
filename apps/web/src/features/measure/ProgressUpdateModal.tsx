import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Slider, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { CloseOutlined, DeleteOutlined, FileOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { EVIDENCE_MAX_BYTES, errorMessage } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { useScreen, useTouch } from '../../shared/useScreen';
import { useAddProgress, useUploadEvidence } from '../closures/api';
import { CameraButton, FilePickButton } from './CameraButton';
import { formatBytes } from './history';
import { toProgressBody, type ProgressFormValues } from './progressForm';
import { useFeedback } from '../../shared/feedback';

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
  const { message } = useFeedback();
  const [form] = Form.useForm<ProgressFormValues>();
  const [locale] = useLocale();
  const { phone } = useScreen();
  const touch = useTouch();
  const add = useAddProgress();
  const upload = useUploadEvidence();
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  // Once the update is saved, a retry only sends the files that failed (never the update twice).
  const [savedUpdateId, setSavedUpdateId] = useState<number | null>(null);

  const reset = () => {
    setError(null);
    setFiles([]);
    setSavedUpdateId(null);
  };

  const attach = (picked: File[]) => {
    const tooLarge = picked.filter((f) => f.size > EVIDENCE_MAX_BYTES);
    if (tooLarge.length) setError(tooLarge.map((f) => `${f.name}：${errorMessage('FILE_TOO_LARGE', locale)}`).join('；'));
    setFiles((current) => [...current, ...picked.filter((f) => f.size <= EVIDENCE_MAX_BYTES)]);
  };

  const submit = async (values: ProgressFormValues) => {
    setError(null);
    let updateId = savedUpdateId;
    try {
      if (updateId === null) {
        updateId = (await add.mutateAsync({ measureId, body: toProgressBody(values) })).id;
        setSavedUpdateId(updateId);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    const failed: { file: File; message: string }[] = [];
    for (const file of files) {
      try {
        await upload.mutateAsync({ measureId, file, progressUpdateId: updateId });
      } catch (e) {
        failed.push({ file, message: e instanceof Error ? e.message : String(e) });
      }
    }
    if (failed.length) {
      setFiles(failed.map((f) => f.file));
      setError(t('progress.someFilesFailed', { files: failed.map((f) => `${f.file.name}（${f.message}）`).join('；') }));
      return;
    }
    message.success(files.length ? t('progress.savedWithFiles', { n: files.length }) : t('progress.saved'));
    reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('progress.title')}
      width={phone ? '100vw' : 640}
      okText={t('progress.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'progress-save' } as ButtonProps}
      confirmLoading={add.isPending || upload.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      // A fresh form at every opening, starting from today and the current percent; an effect
      // resetting it could wipe what was typed (and did whenever the measure was refetched).
      destroyOnHidden
      afterOpenChange={(visible) => visible || reset()}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="progress-error" />}
      <Form<ProgressFormValues>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), percent: currentPercent, text: '', figures: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="date" label={t('progress.date')} rules={[{ required: true, message: t('progress.dateRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')} data-testid="progress-date" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item label={t('progress.percent')} required>
              <Space.Compact style={{ width: '100%', alignItems: 'center' }}>
                <Form.Item name="percent" noStyle>
                  <Slider min={0} max={100} step={5} style={{ flex: 1, marginRight: 12 }} aria-label={t('progress.percent')} />
                </Form.Item>
                <Form.Item name="percent" noStyle rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 110 }} data-testid="progress-percent" aria-label={t('progress.percent')} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="text" label={t('progress.text')} rules={[{ required: true, whitespace: true, message: t('progress.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={20000} placeholder={t('progress.textPlaceholder')} data-testid="progress-text" />
        </Form.Item>
        <AttachmentList files={files} onRemove={(i) => setFiles((current) => current.filter((_, j) => j !== i))} />
        <Space wrap style={{ marginBottom: 16 }}>
          {touch && <CameraButton onFiles={attach} testId="progress-photo" />}
          <FilePickButton onFiles={attach} testId="progress-files" />
        </Space>
        {savedUpdateId !== null && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('progress.savedRetryFiles')} />
        )}
        <div>
          <Typography.Text strong>{t('progress.figures')}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {t('progress.figuresHint')}
          </Typography.Text>
        </div>
        <Form.List name="figures">
          {(fields, { add: addRow, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" data-testid="figure-row">
                  <Col xs={24} sm={11}>
                    <Form.Item name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('progress.figureLabelRequired') }]}>
                      <Input placeholder={t('progress.figureLabel')} aria-label={t('progress.figureLabel')} data-testid="figure-label" />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={6}>
                    <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: t('progress.figureValueRequired') }]}>
                      <InputNumber placeholder={t('progress.figureValue')} aria-label={t('progress.figureValue')} style={{ width: '100%' }} data-testid="figure-value" />
                    </Form.Item>
                  </Col>
                  <Col xs={10} sm={5}>
                    <Form.Item name={[field.name, 'unit']}>
                      <Input placeholder={t('progress.figureUnit')} aria-label={t('progress.figureUnit')} maxLength={20} data-testid="figure-unit" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={2}>
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

/** The files chosen for this update, before they are sent: a thumbnail for photos, a remove button each. */
function AttachmentList({ files, onRemove }: { files: File[]; onRemove: (index: number) => void }) {
  const t = useT();
  const urls = useMemo(() => files.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : null)), [files]);
  useEffect(() => () => urls.forEach((u) => u && URL.revokeObjectURL(u)), [urls]);
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong>{t('progress.attachments')}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {t('progress.attachmentsHint')}
      </Typography.Text>
      {files.length > 0 && (
        <div className="rectify-thumbs" data-testid="progress-attachments">
          {files.map((file, i) => (
            <div key={`${file.name}-${i}`} className="rectify-thumb" data-testid="progress-attachment">
              {urls[i] ? (
                <img src={urls[i]!} alt={file.name} className="rectify-thumb-img" />
              ) : (
                <span className="rectify-thumb-icon" aria-hidden>
                  <FileOutlined />
                </span>
              )}
              <span className="rectify-thumb-caption" title={file.name}>
                {file.name} · {formatBytes(file.size)}
              </span>
              <Button
                size="small"
                type="text"
                icon={<CloseOutlined />}
                aria-label={t('progress.removeAttachment', { name: file.name })}
                onClick={() => onRemove(i)}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
