import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { addDays, todayInShanghai, type CreatedShareLink, type ShareLink, formatDateTime } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import type { ApiError } from '../../api/client';
import { shareKeys, shareLinksApi } from './api';
import { useFeedback } from '../../shared/feedback';

const stateColor: Record<ShareLink['state'], string> = { active: 'green', expired: 'default', revoked: 'red' };

/** The office makes a read-only link for the inspection team, sees who made which, and revokes them. */
export function ShareLinksPanel({ roundId }: { roundId: number }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [form] = Form.useForm<{ label: string; expiresOn: Dayjs }>();
  const links = useQuery({ queryKey: shareKeys.links(roundId), queryFn: () => shareLinksApi.list(roundId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: shareKeys.links(roundId) });

  const create = useMutation({
    mutationFn: (values: { label: string; expiresOn: Dayjs }) =>
      shareLinksApi.create(roundId, { label: values.label, expiresOn: values.expiresOn.format('YYYY-MM-DD') }),
    onSuccess: (link) => {
      setCreated(link);
      form.resetFields();
      void refresh();
    },
    onError: (error: ApiError) => void message.error(error.message),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => shareLinksApi.revoke(id),
    onSuccess: () => {
      void message.success(t('links.revoked'));
      void refresh();
    },
    onError: (error: ApiError) => void message.error(error.message),
  });

  const url = created ? `${window.location.origin}${created.path}` : '';
  const today = todayInShanghai();

  return (
    <Card title={<><LinkOutlined /> {t('links.title')}</>} data-testid="share-links">
      <Typography.Paragraph type="secondary">{t('links.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ expiresOn: dayjs(addDays(today, 30)) }}
        onFinish={(values) => create.mutate(values)}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item name="label" label={t('links.label')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input placeholder={t('links.labelPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('links.expiresOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today || d.format('YYYY-MM-DD') > addDays(today, 366)} allowClear={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="share-link-create">
          {t('links.create')}
        </Button>
      </Form>
      {created && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('links.created')}
          description={
            <Space wrap>
              <Typography.Text code copyable={false} data-testid="share-link-url">
                {url}
              </Typography.Text>
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={() => void navigator.clipboard?.writeText(url).then(() => message.success(t('links.copied')))}
              >
                {t('links.copy')}
              </Button>
            </Space>
          }
        />
      )}
      <Table<ShareLink>
        rowKey="id"
        size="small"
        loading={links.isPending}
        dataSource={links.data ?? []}
        pagination={false}
        locale={{ emptyText: t('links.empty') }}
        columns={[
          { title: t('links.label'), dataIndex: 'label' },
          { title: t('links.expiresOn'), dataIndex: 'expiresAt', render: (v: string) => new Date(v).toLocaleDateString(locale) },
          { title: t('links.createdBy'), render: (_, l) => l.createdBy.username },
          { title: t('links.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('links.state'), dataIndex: 'state', render: (s: ShareLink['state']) => <Tag color={stateColor[s]}>{t(`links.state.${s}`)}</Tag> },
          {
            title: '',
            render: (_, l) =>
              l.state === 'active' ? (
                <Popconfirm title={t('links.revokeConfirm')} onConfirm={() => revoke.mutate(l.id)}>
                  <Button size="small" danger>
                    {t('links.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
