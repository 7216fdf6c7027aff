import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, List, Row, Space, Steps, Tabs, Tag, Typography, Upload } from 'antd';
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CheckOutlined,
  ExclamationCircleFilled,
  FileSearchOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { meetingTypeLabels, type RoundWithTotals, type TextImportPreviewResult } from '@rectify/domain';
import { useLocale, useT, type MessageKey, type TFunction } from '../../i18n';
import { useCanWrite, useTextImport, useTextPreview } from '../documents/api';
import { HierarchyEditor } from './HierarchyEditor';
import { ItemListEditor } from './ItemListEditor';
import {
  compareDeclared,
  declaredFigures,
  countReview,
  emptyItem,
  fromPreview,
  ROUND_DATE_FIELDS,
  ROUND_LONG_FIELDS,
  ROUND_TEXT_FIELDS,
  toConfirm,
  validateReview,
  type ReviewIssue,
  type ReviewRound,
  type ReviewState,
} from './review';
import { useFeedback } from '../../shared/feedback';

const fieldLabel = (t: TFunction, field: string) => t(`textImport.field.${field}` as MessageKey);

export function issueText(t: TFunction, issue: ReviewIssue): string {
  const key = `textImport.issue.${issue.code}` as MessageKey;
  return t(key, { field: issue.field ? fieldLabel(t, issue.field) : '', c: issue.category ?? '', p: issue.problem ?? '' });
}

function RoundForm({ round, onChange }: { round: ReviewRound; onChange: (r: ReviewRound) => void }) {
  const t = useT();
  const set = <K extends keyof ReviewRound>(field: K, value: ReviewRound[K]) => onChange({ ...round, [field]: value });
  return (
    <Form layout="vertical" component="div" data-testid="review-round">
      <Row gutter={16}>
        {ROUND_TEXT_FIELDS.map((field) => (
          <Col key={field} xs={24} md={12}>
            <Form.Item label={fieldLabel(t, field)} required validateStatus={round[field].trim() ? undefined : 'error'} style={{ marginBottom: 12 }}>
              <Input value={round[field]} onChange={(e) => set(field, e.target.value)} data-testid={`round-${field}`} />
            </Form.Item>
          </Col>
        ))}
        {ROUND_DATE_FIELDS.map((field) => (
          <Col key={field} xs={12} md={8} xl={4} flex="1 1 160px">
            <Form.Item label={fieldLabel(t, field)} style={{ marginBottom: 12 }}>
              <DatePicker
                style={{ width: '100%' }}
                value={round[field] ? dayjs(round[field]) : null}
                onChange={(d) => set(field, d ? d.format('YYYY-MM-DD') : null)}
                data-testid={`round-${field}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <details>
        <summary style={{ cursor: 'pointer', color: '#1a4b8c', marginBottom: 8 }}>{t('textImport.reportTexts')}</summary>
        {ROUND_LONG_FIELDS.map((field) => (
          <Form.Item key={field} label={fieldLabel(t, field)} style={{ marginBottom: 12 }}>
            <Input.TextArea value={round[field]} autoSize={{ minRows: 2, maxRows: 8 }} onChange={(e) => set(field, e.target.value)} />
          </Form.Item>
        ))}
      </details>
    </Form>
  );
}

function Summary({
  preview,
  review,
  issues,
  confirming,
  onConfirm,
}: {
  preview: TextImportPreviewResult;
  review: ReviewState;
  issues: ReviewIssue[];
  confirming: boolean;
  onConfirm: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const counts = countReview(review);
  const gaps = compareDeclared(preview.declared, counts);
  const figures = declaredFigures(preview.declared);
  const meetings = preview.declared.meetings ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('textImport.parsed')} size="small" data-testid="review-summary">
        <Typography.Paragraph data-testid="review-counts" style={{ marginBottom: 8 }}>
          {t('textImport.counts', counts as unknown as Record<string, number>)}
        </Typography.Paragraph>
        {gaps.length > 0 && (
          <>
            <List
              size="small"
              split={false}
              dataSource={gaps}
              renderItem={(g) => (
                <List.Item style={{ padding: '2px 0' }} data-testid={`gap-${g.kind}`}>
                  <Space size={6} align="start">
                    {g.declared === g.parsed ? (
                      <CheckCircleFilled style={{ color: '#3f9c35' }} />
                    ) : (
                      <ExclamationCircleFilled style={{ color: '#d48806' }} />
                    )}
                    <span>{t(`textImport.gap.${g.kind}`, { declared: g.declared, parsed: g.parsed })}</span>
                  </Space>
                </List.Item>
              )}
            />
            {gaps.some((g) => g.declared !== g.parsed) && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                {t('textImport.gapNote')}
              </Typography.Paragraph>
            )}
          </>
        )}
        {(figures.length > 0 || meetings.length > 0) && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="review-figures">
            {t('textImport.figuresLead')}
            {[
              ...figures.map((f) => t(`textImport.figure.${f.kind}`, { n: f.value })),
              ...meetings.map((m) => t('textImport.figure.meetings', { type: meetingTypeLabels[m.type][locale], n: m.count })),
            ].join(locale === 'en' ? '; ' : '；')}
          </Typography.Paragraph>
        )}
      </Card>
      {preview.warnings.length > 0 && (
        <Card size="small" title={t('textImport.warnings', { n: preview.warnings.length })} data-testid="review-warnings">
          <List
            size="small"
            split={false}
            dataSource={preview.warnings}
            renderItem={(w) => (
              <List.Item style={{ padding: '2px 0', display: 'block' }} data-testid="review-warning">
                <Tag color="orange">{t('textImport.line', { n: w.line })}</Tag>
                {locale === 'en' ? w.messageEn : w.message}
              </List.Item>
            )}
          />
        </Card>
      )}
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="review-issues"
          message={t('textImport.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {issues.slice(0, 8).map((issue, i) => (
                <li key={i}>{issueText(t, issue)}</li>
              ))}
              {issues.length > 8 && <li>…</li>}
            </ul>
          }
        />
      )}
      <Button
        type="primary"
        size="large"
        block
        icon={<CheckOutlined />}
        disabled={issues.length > 0}
        loading={confirming}
        onClick={onConfirm}
        data-testid="import-confirm"
      >
        {t('textImport.confirm')}
      </Button>
    </Space>
  );
}

interface ImportPageProps {
  /** Embedded in the new-round flow: the unit chosen there is the round's unit (the parsed name is replaced). */
  unitName?: string;
  /** Embedded: called with the created round instead of opening its dashboard. */
  onCreated?: (round: RoundWithTotals) => void;
}

/** /import — paste or upload a report / feedback text → review and correct → create the round. */
export default function ImportPage({ unitName, onCreated }: ImportPageProps = {}) {
  const t = useT();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const canWrite = useCanWrite();
  const parse = useTextPreview();
  const create = useTextImport();
  const [text, setText] = useState('');
  const [tab, setTab] = useState<'paste' | 'upload'>('paste');
  const [preview, setPreview] = useState<TextImportPreviewResult | null>(null);
  const [review, setReview] = useState<ReviewState | null>(null);
  const issues = useMemo(() => (review ? validateReview(review) : []), [review]);

  const run = async (input: { text: string } | { file: File }) => {
    try {
      const result = await parse.mutateAsync(input);
      setPreview(result);
      const state = fromPreview(result);
      setReview(unitName ? { ...state, round: { ...state.round, inspectedUnit: unitName } } : state);
      window.scrollTo?.({ top: 0 });
    } catch {
      // shown from parse.error
    }
  };

  const confirm = async () => {
    if (!review || issues.length) return;
    try {
      const round = await create.mutateAsync(toConfirm(review));
      message.success(t('textImport.created', { title: round.title }));
      if (onCreated) onCreated(round);
      else void navigate(`/rounds/${round.id}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const step = review ? 1 : 0;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="import-page">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center', justifyContent: 'space-between' }}>
          <div style={{ maxWidth: 760 }}>
            <h1 className="rectify-page-title">{t('textImport.title')}</h1>
            <Typography.Text type="secondary">{t('textImport.intro')}</Typography.Text>
          </div>
          <Steps
            size="small"
            current={step}
            style={{ maxWidth: 480 }}
            items={[{ title: t('textImport.step.input') }, { title: t('textImport.step.review') }, { title: t('textImport.step.create') }]}
          />
        </div>
      </Card>

      {!canWrite && <Alert type="warning" showIcon message={t('textImport.readOnly')} />}

      {!review || !preview ? (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as 'paste' | 'upload')}
            items={[
              {
                key: 'paste',
                label: t('textImport.tab.paste'),
                children: (
                  <Space direction="vertical" size={12} style={{ width: '100%' }}>
                    <Input.TextArea
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                      placeholder={t('textImport.placeholder')}
                      autoSize={{ minRows: 14, maxRows: 28 }}
                      style={{ fontSize: 14, lineHeight: 1.7 }}
                      data-testid="import-text"
                    />
                    <Space>
                      <Button
                        type="primary"
                        icon={<FileSearchOutlined />}
                        disabled={!canWrite || !text.trim()}
                        loading={parse.isPending}
                        onClick={() => void run({ text })}
                        data-testid="import-parse"
                      >
                        {t('textImport.parse')}
                      </Button>
                      <Typography.Text type="secondary">{t('textImport.chars', { n: text.length })}</Typography.Text>
                    </Space>
                  </Space>
                ),
              },
              {
                key: 'upload',
                label: t('textImport.tab.upload'),
                children: (
                  <div data-testid="import-upload">
                    <Upload.Dragger
                      accept=".txt,.docx,.pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
                      multiple={false}
                      showUploadList={false}
                      disabled={!canWrite || parse.isPending}
                      beforeUpload={(file) => {
                        void run({ file });
                        return false;
                      }}
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">{parse.isPending ? t('textImport.parsing') : t('textImport.drop')}</p>
                      <p className="ant-upload-hint">{t('textImport.dropHint')}</p>
                    </Upload.Dragger>
                  </div>
                ),
              },
            ]}
          />
          {parse.isError && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="import-error"
              message={t('textImport.failed')}
              description={parse.error instanceof Error ? parse.error.message : String(parse.error)}
            />
          )}
        </Card>
      ) : (
        <Row gutter={[16, 16]} align="top">
          <Col xs={24} xl={17}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card
                title={t('textImport.round')}
                extra={
                  <Button
                    size="small"
                    icon={<ArrowLeftOutlined />}
                    onClick={() => {
                      setReview(null);
                      setPreview(null);
                      parse.reset();
                    }}
                    data-testid="import-back"
                  >
                    {t('textImport.back')}
                  </Button>
                }
              >
                <RoundForm round={review.round} onChange={(round) => setReview((s) => (s ? { ...s, round } : s))} />
              </Card>
              <Card title={t('textImport.hierarchy')}>
                {review.categories.length === 0 && <Alert type="warning" showIcon message={t('textImport.empty')} style={{ marginBottom: 12 }} />}
                <HierarchyEditor categories={review.categories} onChange={(categories) => setReview((s) => (s ? { ...s, categories } : s))} />
              </Card>
              <Card title={t('textImport.regulations')} size="small">
                <ItemListEditor
                  items={review.regulations}
                  onChange={(regulations) => setReview((s) => (s ? { ...s, regulations } : s))}
                  marker={(i) => `${i + 1}.`}
                  addLabel={t('textImport.addRegulation')}
                  newItem={() => emptyItem('r')}
                  testId="review-regulation"
                  multiline={false}
                />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={7} style={{ position: 'sticky', top: 72 }}>
            <Summary preview={preview} review={review} issues={issues} confirming={create.isPending} onConfirm={() => void confirm()} />
          </Col>
        </Row>
      )}
    </Space>
  );
}
