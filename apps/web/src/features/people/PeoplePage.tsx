import { useState } from 'react';
import { Button, Card, Empty, Select, Space, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { Department, Person } from '@rectify/domain';
import { useOrganizations, usePeople, useRound } from '../../api/hooks';
import { useCurrentRoundId } from '../../app/CurrentRound';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { LoadMore } from '../../shared/LoadMore';
import { ResponsiveList } from '../../shared/ResponsiveList';
import { useCurrentUser } from '../auth/api';
import { hasAccess } from '../auth/session';
import { useAllDepartments, usePeoplePages, useUpdateDepartment, useUpdatePerson } from './api';
import { DepartmentFormModal, PersonFormModal } from './StaffForms';
import { useFeedback } from '../../shared/feedback';

type Editing = { kind: 'person'; person?: Person } | { kind: 'department'; department?: Department } | null;

/**
 * 人员科室: the people and departments of one unit — who is in which department, who leads it —
 * and, for the office, adding, editing and deactivating them (deactivated ones stay on the
 * measures and history that name them, but are no longer offered in pickers).
 */
export default function PeoplePage() {
  const t = useT();
  const { message } = useFeedback();
  const user = useCurrentUser();
  const canWrite = hasAccess(user, 'hierarchy.write');
  const [params, setParams] = useSearchParams();
  const organizations = useOrganizations();
  const currentRound = useRound(useCurrentRoundId() ?? undefined);
  const unitParam = Number(params.get('unit'));
  const organizationId =
    unitParam > 0 ? unitParam : (currentRound.data?.inspectedUnit.id ?? organizations.data?.[0]?.id);
  const tab = params.get('tab') === 'people' ? 'people' : 'departments';
  const departmentFilter = Number(params.get('department')) || null;

  // The list a page at a time, filtered by the server; the department form's head picker offers all of them.
  const people = usePeoplePages(organizationId, departmentFilter);
  const departments = useAllDepartments(organizationId);
  const updatePerson = useUpdatePerson();
  const updateDepartment = useUpdateDepartment();
  const [editing, setEditing] = useState<Editing>(null);
  const everyone = usePeople(editing?.kind === 'department' ? organizationId : undefined);

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  if (organizations.isPending) return <Loading />;
  if (organizations.isError) return <LoadError error={organizations.error} onRetry={() => void organizations.refetch()} />;

  const toggleActive = async (row: Person | Department, kind: 'person' | 'department') => {
    try {
      const body = { version: row.version, active: !row.active };
      if (kind === 'person') await updatePerson.mutateAsync({ id: row.id, body });
      else await updateDepartment.mutateAsync({ id: row.id, body });
      message.success(row.active ? t('people.deactivated', { name: row.name }) : t('people.reactivated', { name: row.name }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const stateTag = (active: boolean) => (active ? null : <Tag>{t('people.inactive')}</Tag>);

  const rowActions = (row: Person | Department, kind: 'person' | 'department') =>
    canWrite ? (
      <Space size={4} wrap>
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(kind === 'person' ? { kind, person: row as Person } : { kind, department: row as Department })}
          data-testid={`edit-${kind}-${row.id}`}
        >
          {t('common.edit')}
        </Button>
        <Button
          size="small"
          icon={row.active ? <StopOutlined /> : <UndoOutlined />}
          onClick={() => void toggleActive(row, kind)}
          data-testid={`toggle-${kind}-${row.id}`}
        >
          {row.active ? t('people.deactivate') : t('people.reactivate')}
        </Button>
      </Space>
    ) : null;

  const shownPeople = people.data?.pages.flatMap((p) => p.items) ?? [];
  const peopleTotal = people.data?.pages[0]?.total ?? 0;

  const departmentList = (
    <ResponsiveList<Department>
      testId="department-list"
      rows={departments.data ?? []}
      rowKey={(d) => d.id}
      empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noDepartments')} />}
      card={(d) => (
        <Card size="small" data-testid={`department-card-${d.id}`}>
          <Typography.Text strong>{d.name}</Typography.Text> {stateTag(d.active)}
          <div>
            <Typography.Text type="secondary">
              {t('people.head')}：{d.head?.name ?? t('common.none')} ·{' '}
            </Typography.Text>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setParam({ tab: 'people', department: String(d.id) })}>
              {t('people.memberCount', { n: d.memberCount })}
            </Button>
          </div>
          {rowActions(d, 'department')}
        </Card>
      )}
      table={{
        size: 'middle',
        pagination: false,
        onRow: (d) => ({ 'data-testid': `department-row-${d.id}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { title: t('people.departmentName'), render: (_, d) => <>{d.name} {stateTag(d.active)}</> },
          { title: t('people.head'), width: 160, render: (_, d) => d.head?.name ?? t('common.none') },
          {
            title: t('people.members'),
            width: 120,
            render: (_, d) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setParam({ tab: 'people', department: String(d.id) })}>
                {t('people.memberCount', { n: d.memberCount })}
              </Button>
            ),
          },
          ...(canWrite ? [{ title: t('common.actions'), width: 190, render: (_: unknown, d: Department) => rowActions(d, 'department') }] : []),
        ],
      }}
    />
  );

  const peopleList = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        aria-label={t('people.filterDepartment')}
        placeholder={t('people.filterDepartment')}
        style={{ width: '100%', maxWidth: 320 }}
        value={departmentFilter ?? undefined}
        onChange={(v?: number) => setParam({ department: v ? String(v) : null })}
        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        data-testid="people-department-filter"
      />
      <ResponsiveList<Person>
        testId="people-list"
        rows={shownPeople}
        rowKey={(p) => p.id}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noPeople')} />}
        card={(p) => (
          <Card size="small" data-testid={`person-card-${p.id}`}>
            <Typography.Text strong>{p.name}</Typography.Text> {p.title && <Typography.Text type="secondary">{p.title}</Typography.Text>}{' '}
            {stateTag(p.active)}
            <div>
              <Typography.Text type="secondary">
                {p.department?.name ?? t('people.noDepartment')}
                {(departments.data ?? []).some((d) => d.head?.id === p.id) ? ` · ${t('people.isHead')}` : ''}
              </Typography.Text>
            </div>
            {rowActions(p, 'person')}
          </Card>
        )}
        table={{
          size: 'middle',
          pagination: false,
          onRow: (p) => ({ 'data-testid': `person-row-${p.id}` }) as React.HTMLAttributes<HTMLElement>,
          columns: [
            { title: t('people.name'), render: (_, p) => <>{p.name} {stateTag(p.active)}</> },
            { title: t('people.title'), width: 180, render: (_, p) => p.title ?? t('common.none') },
            {
              title: t('people.department'),
              width: 200,
              render: (_, p) => (
                <>
                  {p.department?.name ?? t('people.noDepartment')}
                  {(departments.data ?? []).some((d) => d.head?.id === p.id) && <Tag style={{ marginInlineStart: 6 }}>{t('people.isHead')}</Tag>}
                </>
              ),
            },
            ...(canWrite ? [{ title: t('common.actions'), width: 190, render: (_: unknown, p: Person) => rowActions(p, 'person') }] : []),
          ],
        }}
      />
      {peopleTotal > 0 && (
        <LoadMore
          testId="people-list-more"
          shown={shownPeople.length}
          total={peopleTotal}
          hasMore={people.hasNextPage}
          loading={people.isFetchingNextPage}
          onMore={() => void people.fetchNextPage()}
        />
      )}
    </Space>
  );

  const loadError = people.error ?? departments.error;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="people-page">
      <div>
        <h1 className="rectify-page-title">{t('people.pageTitle')}</h1>
        <Typography.Text type="secondary">{t('people.intro')}</Typography.Text>
      </div>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Select
          aria-label={t('people.unit')}
          style={{ minWidth: 240, maxWidth: '100%' }}
          value={organizationId}
          onChange={(v: number) => setParam({ unit: String(v), department: null })}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="unit-select"
        />
        {canWrite && organizationId && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'department' })} data-testid="add-department">
              {t('people.addDepartment')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'person' })} data-testid="add-person">
              {t('people.addPerson')}
            </Button>
          </Space>
        )}
      </Space>
      {loadError ? (
        <LoadError error={loadError} />
      ) : (
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParam({ tab: key === 'people' ? 'people' : null })}
            items={[
              { key: 'departments', label: t('people.departmentsTab', { n: departments.data?.length ?? 0 }), children: departmentList },
              { key: 'people', label: t('people.peopleTab', { n: peopleTotal }), children: peopleList },
            ]}
          />
        </Card>
      )}
      {organizationId && (
        <>
          <PersonFormModal
            open={editing?.kind === 'person'}
            organizationId={organizationId}
            person={editing?.kind === 'person' ? editing.person : undefined}
            departments={departments.data}
            onClose={() => setEditing(null)}
          />
          <DepartmentFormModal
            open={editing?.kind === 'department'}
            organizationId={organizationId}
            department={editing?.kind === 'department' ? editing.department : undefined}
            people={everyone.data}
            onClose={() => setEditing(null)}
          />
        </>
      )}
    </Space>
  );
}
