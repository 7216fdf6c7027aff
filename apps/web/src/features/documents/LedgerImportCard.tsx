import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Col, Empty, Row, Space, Statistic, Table, Tag, Tree, Typography, Upload } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { CheckOutlined, CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { checkInCadenceLabels, measureKindLabels, measureStatusLabels, toCheckInCadence, subsectionNumber, toMeasureKind, toMeasureStatus, type LedgerImportPlan, type LedgerPlanField, type LedgerPlanMeasure } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { useLedgerImport, useLedgerPreview } from './api';
import { useFeedback } from '../../shared/feedback';

type Issue = LedgerImportPlan['errors'][number];

function IssueTable({ issues, testId }: { issues: Issue[]; testId: string }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <div data-testid={testId}>
      <Table<Issue>
        size="small"
        rowKey={(i) => `${i.row}-${i.column}-${i.message}`}
        dataSource={issues}
        pagination={issues.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          { title: t('ledgerImport.col.row'), dataIndex: 'row', width: 80, render: (row: number) => (row > 0 ? row : t('common.none')) },
          { title: t('ledgerImport.col.column'), dataIndex: 'column', width: 140, render: (c: string) => c || t('common.none') },
          { title: t('ledgerImport.col.message'), render: (_, i) => (locale === 'en' ? i.messageEn : i.message) },
        ]}
      />
    </div>
  );
}

type Translate = ReturnType<typeof useT>;
type Locale = ReturnType<typeof useLocale>[0];

/** A replaced value as the sheet row's update shows it: codes in words, nothing as "none". */
function previousText(field: LedgerPlanField, from: string | null, t: Translate, locale: Locale): string {
  if (from === null) return t('common.none');
  if (field === 'kind') return measureKindLabels[toMeasureKind(from)][locale];
  if (field === 'status') return measureStatusLabels[toMeasureStatus(from)][locale];
  if (field === 'checkInCadence') return checkInCadenceLabels[toCheckInCadence(from)][locale];
  return from;
}

/** One sheet row: what it matched, every value the import will write, and what it replaces. */
function PlanRow({ m, issues, t, locale }: { m: LedgerPlanMeasure; issues: RowIssue[]; t: Translate; locale: Locale }) {
  const v = m.values;
  const replaced = new Map(m.changes.map((c) => [c.field, c.from]));
  const name = (n: { name: string; exists: boolean }) => (
    <span key={n.name}>
      {n.name}
      {!n.exists && (
        <Tag color="green" style={{ marginInlineStart: 4, fontSize: 11, lineHeight: '16px', padding: '0 4px' }}>
          {t('ledgerImport.new')}
        </Tag>
      )}
    </span>
  );
  // On an update, a changed value is marked and shows the one it replaces; the rest stay as they are.
  const field = (key: LedgerPlanField, label: string, value: ReactNode) => {
    const changed = m.action === 'update' && replaced.has(key);
    return (
      <span data-testid={`plan-value-${key}`} data-changed={changed || undefined}>
        <Typography.Text type="secondary">{label}：</Typography.Text>
        {changed ? <Typography.Text mark>{value ?? t('common.none')}</Typography.Text> : (value ?? t('common.none'))}
        {changed && (
          <Typography.Text type="secondary" delete style={{ marginInlineStart: 4 }} data-testid="plan-value-from">
            {previousText(key, replaced.get(key) ?? null, t, locale)}
          </Typography.Text>
        )}
      </span>
    );
  };
  const progress = v.progressText && v.progressText.length > 40 ? `${v.progressText.slice(0, 40)}…` : v.progressText;
  return (
    <div data-testid="plan-measure" data-action={m.action} style={{ padding: '2px 0', whiteSpace: 'normal' }}>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineEnd: 6 }}>
          {t('ledgerImport.row', { n: m.rowNumber })}
        </Typography.Text>
        {m.text}
        <Tag color={m.action === 'create' ? 'green' : m.action === 'update' ? 'blue' : 'default'} style={{ marginInlineStart: 6 }}>
          {t(`ledgerImport.action.${m.action}`)}
        </Tag>
        {m.action === 'update' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-changes">
            {m.changes.length ? t('ledgerImport.changes', { n: m.changes.length }) : t('ledgerImport.unchanged')}
          </Typography.Text>
        )}
      </div>
      {issues.map((issue) => (
        <Typography.Text
          key={`${issue.column}-${issue.message}`}
          type={issue.level === 'error' ? 'danger' : 'warning'}
          style={{ display: 'block', fontSize: 12 }}
          data-testid={`plan-row-${issue.level}`}
        >
          {issue.column ? `${issue.column}：` : ''}
          {locale === 'en' ? issue.messageEn : issue.message}
        </Typography.Text>
      ))}
      {m.action === 'locked' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-locked">
          {t('ledgerImport.locked')}
        </Typography.Text>
      ) : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 14px', fontSize: 12 }}>
          {field('kind', t('ledgerImport.field.kind'), measureKindLabels[v.kind][locale])}
          {field('deadline', t('ledgerImport.field.deadline'), v.deadline)}
          {field('leader', t('ledgerImport.field.leader'), v.leader && name(v.leader))}
          {field('leadDepartment', t('ledgerImport.field.leadDepartment'), v.leadDepartment && name(v.leadDepartment))}
          {(v.coDepartments.length > 0 || replaced.has('coDepartments')) &&
            field('coDepartments', t('ledgerImport.field.coDepartments'), v.coDepartments.length ? v.coDepartments.map(name) : null)}
          {field('status', t('ledgerImport.field.status'), measureStatusLabels[v.status][locale])}
          {(v.completedDate || replaced.has('completedDate')) && field('completedDate', t('ledgerImport.field.completedDate'), v.completedDate)}
          {(progress || replaced.has('progressText')) && field('progressText', t('ledgerImport.field.progress'), progress)}
          {(v.checkInCadence || replaced.has('checkInCadence')) &&
            field('checkInCadence', t('ledgerImport.field.checkInCadence'), v.checkInCadence && checkInCadenceLabels[v.checkInCadence][locale])}
          {m.statusRead && (
            <span data-testid="plan-status-read">
              {t(`ledgerImport.statusRead.${m.statusRead.source}`, { word: m.statusRead.word, status: measureStatusLabels[m.statusRead.status][locale] })}
            </span>
          )}
          {m.regulations.length > 0 && (
            <span data-testid="plan-regulations">
              <Typography.Text type="secondary">{t('ledgerImport.field.regulations')}：</Typography.Text>
              {m.regulations.map(name)}
            </span>
          )}
          {m.held === 'needs_verification' && (
            <Tag color="orange" style={{ fontSize: 11 }} data-testid="plan-held">
              {t('ledgerImport.held')}
            </Tag>
          )}
        </div>
      )}
    </div>
  );
}

type RowIssue = Issue & { level: 'error' | 'warning' };

/** The sheet's errors and warnings by row, so each shows under the row it is about. */
function issuesByRow(plan: LedgerImportPlan): Map<number, RowIssue[]> {
  const byRow = new Map<number, RowIssue[]>();
  const add = (level: RowIssue['level']) => (issue: Issue) => {
    if (issue.row > 0) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), { ...issue, level }]);
  };
  plan.errors.forEach(add('error'));
  plan.warnings.forEach(add('warning'));
  return byRow;
}

function planTree(plan: LedgerImportPlan, t: Translate, locale: Locale): DataNode[] {
  const rowIssues = issuesByRow(plan);
  const state = (exists: boolean) =>
    exists ? <Tag style={{ marginInlineStart: 6 }}>{t('ledgerImport.existing')}</Tag> : <Tag color="green" style={{ marginInlineStart: 6 }}>{t('ledgerImport.new')}</Tag>;
  return plan.categories.map((c, ci) => ({
    key: `c${ci}`,
    title: (
      <span data-testid="plan-category">
        <strong>
          {subsectionNumber(ci + 1)}
          {c.title}
        </strong>
        {state(c.exists)}
      </span>
    ),
    children: c.problems.map((p, pi) => ({
      key: `c${ci}p${pi}`,
      title: (
        <span data-testid="plan-problem">
          {pi + 1}. {p.title}
          {state(p.exists)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledgerImport.measures', { n: p.measures.length })}
          </Typography.Text>
        </span>
      ),
      children: p.measures.map((m) => ({
        key: `r${m.rowNumber}`,
        isLeaf: true,
        title: <PlanRow m={m} issues={rowIssues.get(m.rowNumber) ?? []} t={t} locale={locale} />,
      })),
    })),
  }));
}

/** Upload an .xlsx ledger → preview (counts, hierarchy, row errors) → confirm. */
export function LedgerImportCard({ roundId, canWrite }: { roundId: number; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const preview = useLedgerPreview(roundId);
  const apply = useLedgerImport(roundId);
  const [file, setFile] = useState<File | null>(null);
  // "Import statuses as verified": the office vouches for the sheet's closures (audited as such).
  const [verified, setVerified] = useState(false);
  const plan = preview.data;
  const tree = useMemo(() => (plan ? planTree(plan, t, locale) : []), [plan, t, locale]);

  const reset = () => {
    setFile(null);
    setVerified(false);
    preview.reset();
    apply.reset();
  };

  const choose = (chosen: File) => {
    setFile(chosen);
    apply.reset();
    preview.mutate({ file: chosen, verified });
    return false; // we send it ourselves
  };

  const confirm = async () => {
    if (!file) return;
    try {
      const done = await apply.mutateAsync({ file, verified });
      message.success(t('ledgerImport.done', { created: done.counts.measuresCreated, updated: done.counts.measuresUpdated }));
      reset();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const counts = plan?.counts;
  const stats = counts
    ? ([
        ['categories', counts.categories],
        ['problems', counts.problems],
        ['measuresCreated', counts.measuresCreated],
        ['measuresUpdated', counts.measuresUpdated],
        ['measuresLocked', counts.measuresLocked],
        ['closuresHeld', counts.closuresHeld],
        ['manifestations', counts.manifestations],
      ] as const)
    : [];
  const blocked = !plan || plan.errors.length > 0;

  return (
    <Card title={t('ledgerImport.title')} data-testid="ledger-import">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('ledgerImport.hint')}
      </Typography.Paragraph>
      {!canWrite ? (
        <Alert type="warning" showIcon message={t('ledgerImport.readOnly')} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {!plan && (
            <div data-testid="ledger-upload">
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                showUploadList={false}
                beforeUpload={choose}
                disabled={preview.isPending}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{preview.isPending ? t('ledgerImport.parsing') : t('ledgerImport.drop')}</p>
                <p className="ant-upload-hint">{t('ledgerImport.dropHint')}</p>
              </Upload.Dragger>
            </div>
          )}
          {preview.isError && (
            <Alert
              type="error"
              showIcon
              data-testid="ledger-import-error"
              message={t('ledgerImport.failed')}
              description={
                <>
                  {file && <Typography.Text strong style={{ marginInlineEnd: 8 }}>{file.name}</Typography.Text>}
                  {preview.error instanceof Error ? preview.error.message : String(preview.error)}
                </>
              }
            />
          )}
          {plan && counts && (
            <div data-testid="ledger-plan">
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Typography.Text strong>{t('ledgerImport.file', { name: file?.name ?? '', sheet: plan.sheet })}</Typography.Text>
                <Row gutter={[12, 12]}>
                  {stats.map(([key, value]) => (
                    <Col key={key} flex="1 1 150px">
                      <Card size="small" className="rectify-stat" data-testid={`plan-count-${key}`}>
                        <Statistic title={t(`ledgerImport.count.${key}`)} value={value} valueStyle={{ fontSize: 22, fontWeight: 600 }} />
                      </Card>
                    </Col>
                  ))}
                </Row>
                {(counts.peopleCreated.length > 0 || counts.departmentsCreated.length > 0 || counts.regulationsCreated.length > 0) && (
                  <Space direction="vertical" size={4}>
                    {counts.peopleCreated.length > 0 && (
                      <div data-testid="plan-people">
                        <Typography.Text type="secondary">{t('ledgerImport.peopleCreated')}：</Typography.Text>
                        {counts.peopleCreated.map((name) => (
                          <Tag key={name} color="green">{name}</Tag>
                        ))}
                      </div>
                    )}
                    {counts.regulationsCreated.length > 0 && (
                      <div data-testid="plan-regulations-created">
                        <Typography.Text type="secondary">{t('ledgerImport.regulationsCreated')}：</Typography.Text>
                        {counts.regulationsCreated.map((title) => (
                          <Tag key={title} color="green">{title}</Tag>
                        ))}
                      </div>
                    )}
                    {counts.departmentsCreated.length > 0 && (
                      <div data-testid="plan-departments">
                        <Typography.Text type="secondary">{t('ledgerImport.departmentsCreated')}：</Typography.Text>
                        {counts.departmentsCreated.map((name) => (
                          <Tag key={name} color="green">{name}</Tag>
                        ))}
                      </div>
                    )}
                  </Space>
                )}
                {plan.errors.length > 0 && (
                  <div>
                    <Alert type="error" showIcon message={t('ledgerImport.errors', { n: plan.errors.length })} style={{ marginBottom: 8 }} />
                    <IssueTable issues={plan.errors} testId="plan-errors" />
                  </div>
                )}
                {plan.warnings.length > 0 && (
                  <div>
                    <Alert type="warning" showIcon message={t('ledgerImport.warnings', { n: plan.warnings.length })} style={{ marginBottom: 8 }} />
                    <IssueTable issues={plan.warnings} testId="plan-warnings" />
                  </div>
                )}
                <div>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {t('ledgerImport.hierarchy')}
                  </Typography.Title>
                  {tree.length ? (
                    <div style={{ maxHeight: 420, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 4, padding: 8 }}>
                      <Tree className="rectify-tree" blockNode selectable={false} showLine={{ showLeafIcon: false }} treeData={tree} defaultExpandAll />
                    </div>
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  )}
                </div>
                <Checkbox
                  checked={verified}
                  disabled={preview.isPending || apply.isPending}
                  onChange={(e) => {
                    setVerified(e.target.checked);
                    if (file) preview.mutate({ file, verified: e.target.checked });
                  }}
                  data-testid="ledger-verified"
                >
                  {t('ledgerImport.verified')}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('ledgerImport.verifiedHint')}
                  </Typography.Text>
                </Checkbox>
                <Space wrap>
                  <Button type="primary" icon={<CheckOutlined />} disabled={blocked} loading={apply.isPending} onClick={() => void confirm()} data-testid="ledger-import-confirm">
                    {t('ledgerImport.confirm')}
                  </Button>
                  <Button icon={<CloseOutlined />} onClick={reset} disabled={apply.isPending} data-testid="ledger-import-cancel">
                    {t('common.cancel')}
                  </Button>
                </Space>
              </Space>
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}
