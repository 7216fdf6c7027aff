import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Steps, Typography } from 'antd';
import { ApartmentOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Dayjs } from 'dayjs';
import { UNIT_TYPES, unitTypeLabels, type Organization, type OrganizationCreate, type RoundCreate, type RoundWithTotals, type UnitType } from '@rectify/domain';
import { api } from '../../api/client';
import { useOrganizations } from '../../api/hooks';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { useCurrentUser } from '../auth/api';
import { hasAccess } from '../auth/session';
import { LedgerImportCard } from '../documents/LedgerImportCard';
import ImportPage from '../imports/ImportPage';
import { LeadingGroupCard } from '../registers/LeadingGroupCard';
import { useFeedback } from '../../shared/feedback';

type Method = 'text' | 'hand' | 'ledger';

interface RoundValues {
  committee: string;
  roundName: string;
  groupName: string;
  feedbackDate?: Dayjs | null;
  rectificationDeadline?: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * /rounds/new — a new round for a unit in a few steps: the unit (picked, or created by the
 * administrator), how the feedback comes in (pasted text through the text import, a ledger, or by
 * hand in the tree), the leading group (once the round exists: the text import creates it), then the people, departments and the bulk assignment of owners and deadlines.
 * Each step is the app's own page or card, embedded or linked, never a copy.
 */
export default function NewRoundPage() {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const client = useQueryClient();
  const user = useCurrentUser();
  const canCreateUnit = hasAccess(user, 'units.manage');
  const canWrite = hasAccess(user, 'hierarchy.write');
  const organizations = useOrganizations();
  const [step, setStep] = useState(0);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [method, setMethod] = useState<Method>('text');
  const [round, setRound] = useState<RoundWithTotals | null>(null);
  const [newUnit, setNewUnit] = useState<{ name: string; unitType: UnitType }>({ name: '', unitType: 'bureau' });
  const [form] = Form.useForm<RoundValues>();

  const createUnit = useMutation({
    mutationFn: (body: OrganizationCreate) => api.post<Organization>('/api/organizations', body),
    onSuccess: async () => client.invalidateQueries({ queryKey: ['organizations'] }),
  });
  const createRound = useMutation({
    mutationFn: (body: RoundCreate) => api.post<RoundWithTotals>('/api/rounds', body),
    onSuccess: async () => client.invalidateQueries({ queryKey: ['rounds'] }),
  });

  if (organizations.isPending) return <Loading />;
  if (organizations.isError) return <LoadError error={organizations.error} onRetry={() => void organizations.refetch()} />;
  const units = organizations.data.filter((o) => o.kind === 'unit');
  const chosen = unitId ?? (units.length === 1 ? units[0]!.id : undefined);
  const unit = units.find((u) => u.id === chosen);
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));

  const addUnit = async () => {
    try {
      const created = await createUnit.mutateAsync({ name: newUnit.name.trim(), kind: 'unit', unitType: newUnit.unitType });
      setUnitId(created.id);
      setNewUnit({ name: '', unitType: newUnit.unitType });
      message.success(t('newRound.unitCreated', { name: created.name }));
    } catch (e) {
      fail(e);
    }
  };

  const saveRound = async (v: RoundValues) => {
    if (!unit) return;
    try {
      const created = await createRound.mutateAsync({
        committee: v.committee.trim(),
        roundName: v.roundName.trim(),
        groupName: v.groupName.trim(),
        inspectedUnitId: unit.id,
        feedbackDate: day(v.feedbackDate),
        rectificationDeadline: day(v.rectificationDeadline),
      });
      setRound(created);
      setStep(2);
    } catch (e) {
      fail(e);
    }
  };

  const unitStep = (
    <Card title={t('newRound.unitTitle')} data-testid="new-round-unit">
      <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 560 }}>
        <Select
          aria-label={t('newRound.unit')}
          style={{ width: '100%' }}
          placeholder={t('newRound.unitPlaceholder')}
          value={chosen}
          onChange={(v: number) => setUnitId(v)}
          showSearch
          optionFilterProp="label"
          options={units.map((u) => ({ value: u.id, label: u.unitType ? `${u.name}（${unitTypeLabels[u.unitType][locale]}）` : u.name }))}
          data-testid="new-round-unit-select"
        />
        {canCreateUnit && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('newRound.newUnitName')}
              value={newUnit.name}
              maxLength={200}
              onChange={(e) => setNewUnit({ ...newUnit, name: e.target.value })}
              data-testid="new-unit-name"
            />
            <Select
              style={{ width: 140 }}
              aria-label={t('newRound.unitType')}
              value={newUnit.unitType}
              onChange={(v: UnitType) => setNewUnit({ ...newUnit, unitType: v })}
              options={UNIT_TYPES.map((u) => ({ value: u, label: unitTypeLabels[u][locale] }))}
            />
            <Button onClick={() => void addUnit()} disabled={!newUnit.name.trim()} loading={createUnit.isPending} data-testid="new-unit-create">
              {t('newRound.createUnit')}
            </Button>
          </Space.Compact>
        )}
        {!canCreateUnit && <Typography.Text type="secondary">{t('newRound.ownUnitOnly')}</Typography.Text>}
        <Button type="primary" disabled={!unit} onClick={() => setStep(1)} data-testid="new-round-next">
          {t('newRound.next')}
        </Button>
      </Space>
    </Card>
  );

  const methodStep = (
    <Card title={t('newRound.methodTitle', { unit: unit?.name ?? '' })} data-testid="new-round-method">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as Method)} data-testid="new-round-methods">
          <Space direction="vertical">
            <Radio value="text" data-testid="method-text">{t('newRound.method.text')}</Radio>
            <Radio value="ledger" data-testid="method-ledger">{t('newRound.method.ledger')}</Radio>
            <Radio value="hand" data-testid="method-hand">{t('newRound.method.hand')}</Radio>
          </Space>
        </Radio.Group>
        {method === 'text' ? (
          <Space wrap>
            <Typography.Text type="secondary">{t('newRound.textNote')}</Typography.Text>
            <Button type="primary" onClick={() => setStep(2)} data-testid="new-round-next">
              {t('newRound.next')}
            </Button>
          </Space>
        ) : (
          <Form<RoundValues> form={form} layout="vertical" onFinish={(v) => void saveRound(v)} style={{ maxWidth: 560 }} data-testid="new-round-form">
            <Form.Item name="committee" label={t('newRound.committee')} rules={[{ required: true, whitespace: true, message: t('newRound.required') }]}>
              <Input maxLength={500} placeholder="中共××区第十一届委员会" />
            </Form.Item>
            <Form.Item name="roundName" label={t('newRound.roundName')} rules={[{ required: true, whitespace: true, message: t('newRound.required') }]}>
              <Input maxLength={100} placeholder="第五轮" />
            </Form.Item>
            <Form.Item name="groupName" label={t('newRound.groupName')} rules={[{ required: true, whitespace: true, message: t('newRound.required') }]}>
              <Input maxLength={100} placeholder="第二巡察组" />
            </Form.Item>
            <Form.Item name="feedbackDate" label={t('newRound.feedbackDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="rectificationDeadline" label={t('newRound.deadline')} extra={t('newRound.deadlineHelp')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={createRound.isPending} data-testid="new-round-create">
              {t('newRound.createRound')}
            </Button>
          </Form>
        )}
        <Button type="link" style={{ padding: 0 }} onClick={() => setStep(0)}>
          {t('newRound.back')}
        </Button>
      </Space>
    </Card>
  );

  const hierarchyStep =
    method === 'text' ? (
      <div data-testid="new-round-text">
        <ImportPage
          unitName={unit?.name}
          onCreated={(created) => {
            setRound(created);
            setStep(3);
          }}
        />
      </div>
    ) : round ? (
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="new-round-hierarchy">
        {method === 'ledger' ? (
          <LedgerImportCard roundId={round.id} canWrite={canWrite} />
        ) : (
          <Card>
            <Typography.Paragraph>{t('newRound.handNote')}</Typography.Paragraph>
            <Link to={`/rounds/${round.id}/tree`}>
              <Button icon={<ApartmentOutlined />}>{t('newRound.openTree')}</Button>
            </Link>
          </Card>
        )}
        <Button type="primary" onClick={() => setStep(3)} data-testid="new-round-next">
          {t('newRound.next')}
        </Button>
      </Space>
    ) : null;

  const groupStep = round && (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <LeadingGroupCard roundId={round.id} organizationId={round.inspectedUnit.id} canWrite={canWrite} />
      <Button type="primary" onClick={() => setStep(4)} data-testid="new-round-next">
        {t('newRound.next')}
      </Button>
    </Space>
  );

  const ownersStep = round && (
    <Card title={t('newRound.ownersTitle', { title: round.title })} data-testid="new-round-owners">
      <Typography.Paragraph>{t('newRound.ownersNote')}</Typography.Paragraph>
      <Space wrap size={12}>
        <Link to={`/people?unit=${round.inspectedUnit.id}`} data-testid="new-round-people">
          <Button icon={<IdcardOutlined />}>{t('newRound.openPeople')}</Button>
        </Link>
        <Link to={`/rounds/${round.id}`} data-testid="new-round-assign">
          <Button type="primary" icon={<TeamOutlined />}>{t('newRound.openAssign')}</Button>
        </Link>
        <Link to={`/rounds/${round.id}/tree`}>
          <Button icon={<ApartmentOutlined />}>{t('newRound.openTree')}</Button>
        </Link>
      </Space>
    </Card>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="new-round-page">
      <div>
        <h1 className="rectify-page-title">{t('newRound.pageTitle')}</h1>
        <Typography.Text type="secondary">{t('newRound.intro')}</Typography.Text>
      </div>
      {!canWrite && <Alert type="warning" showIcon message={t('textImport.readOnly')} />}
      <Steps
        current={step}
        size="small"
        responsive
        items={[{ title: t('newRound.step.unit') }, { title: t('newRound.step.round') }, { title: t('newRound.step.hierarchy') }, { title: t('newRound.step.group') }, { title: t('newRound.step.owners') }]}
        data-testid="new-round-steps"
      />
      {step === 0 && unitStep}
      {step === 1 && methodStep}
      {step === 2 && hierarchyStep}
      {step === 3 && groupStep}
      {step === 4 && ownersStep}
    </Space>
  );
}
