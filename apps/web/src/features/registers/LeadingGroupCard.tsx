import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, List, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LEADING_GROUP_ROLES, leadingGroupRoleLabels, type LeadingGroupCreate, type LeadingGroupMember, type LeadingGroupRole, type LeadingGroupUpdate } from '@rectify/domain';
import { api } from '../../api/client';
import { useDepartments, usePeople, useRoundRecords } from '../../api/hooks';
import { queryKeys } from '../../api/keys';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { visuallyHidden } from '../../shared/hiddenStyle';
import { PersonPicker } from '../people/StaffPickers';
import { personLabel } from '../people/StaffForms';
import { useFeedback } from '../../shared/feedback';

/**
 * 整改工作领导小组 of a round: who heads it, the deputies, the members and the office. The report's
 * first paragraph names them from these rows. The office adds people of the unit (or a new person
 * on the spot), changes their role, removes them.
 */
export function LeadingGroupCard({ roundId, organizationId, canWrite }: { roundId: number; organizationId: number; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const client = useQueryClient();
  const records = useRoundRecords(roundId);
  const people = usePeople(organizationId);
  const departments = useDepartments(organizationId);
  const [personId, setPersonId] = useState<number | null>(null);
  const [role, setRole] = useState<LeadingGroupRole>('head');
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.rounds.records(roundId) });
  const add = useMutation({ mutationFn: (body: LeadingGroupCreate) => api.post<LeadingGroupMember>(`/api/rounds/${roundId}/leading-group`, body), onSuccess: refresh });
  const update = useMutation({ mutationFn: ({ id, body }: { id: number; body: LeadingGroupUpdate }) => api.patch<LeadingGroupMember>(`/api/leading-group/${id}`, body), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (m: LeadingGroupMember) => api.delete<unknown>(`/api/leading-group/${m.id}?version=${m.version}`), onSuccess: refresh });
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  const roleOptions = LEADING_GROUP_ROLES.map((r) => ({ value: r, label: leadingGroupRoleLabels[r][locale] }));

  const onAdd = async () => {
    if (personId === null) return;
    try {
      await add.mutateAsync({ personId, role });
      setPersonId(null);
      if (role === 'head') setRole('deputy');
    } catch (e) {
      fail(e);
    }
  };

  if (records.isPending) return <Loading />;
  if (records.isError) return <LoadError error={records.error} onRetry={() => void records.refetch()} />;
  const members = [...records.data.leadingGroup].sort((a, b) => LEADING_GROUP_ROLES.indexOf(a.role) - LEADING_GROUP_ROLES.indexOf(b.role));

  return (
    <Card title={t('leadingGroup.title')} data-testid="leading-group">
      <Typography.Paragraph type="secondary">{t('leadingGroup.intro')}</Typography.Paragraph>
      <List
        dataSource={members}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leadingGroup.empty')} /> }}
        renderItem={(m) => (
          <List.Item data-testid={`leading-group-member-${m.id}`}>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong>{personLabel(m.person)}</Typography.Text>
              <Space wrap>
                {canWrite ? (
                  <Select<LeadingGroupRole>
                    aria-label={t('leadingGroup.role')}
                    value={m.role}
                    style={{ width: 120 }}
                    options={roleOptions}
                    onChange={(r) => void update.mutateAsync({ id: m.id, body: { version: m.version, role: r } }).catch(fail)}
                  />
                ) : (
                  <Typography.Text>{leadingGroupRoleLabels[m.role][locale]}</Typography.Text>
                )}
                {canWrite && (
                  <Popconfirm title={t('leadingGroup.confirmRemove', { name: m.person.name })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => remove.mutateAsync(m).catch(fail)}>
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {canWrite && (
        <Space wrap style={{ marginTop: 12, width: '100%' }}>
          <div style={{ display: 'grid', minWidth: 220, width: 320, maxWidth: '100%' }}>
            <label htmlFor={`leading-group-person-${roundId}`} style={visuallyHidden}>
              {t('leadingGroup.person')}
            </label>
            <PersonPicker
              id={`leading-group-person-${roundId}`}
              organizationId={organizationId}
              people={people.data}
              departments={departments.data}
              loading={people.isPending}
              canAdd={canWrite}
              value={personId}
              onChange={setPersonId}
              data-testid="leading-group-person"
            />
          </div>
          <Select<LeadingGroupRole> aria-label={t('leadingGroup.role')} value={role} onChange={setRole} options={roleOptions} style={{ width: 120 }} data-testid="leading-group-role" />
          <Button type="primary" icon={<PlusOutlined />} disabled={personId === null} loading={add.isPending} onClick={() => void onAdd()} data-testid="leading-group-add">
            {t('leadingGroup.add')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
