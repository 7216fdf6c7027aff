import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Checkbox, Form, Input, Modal, Radio, Select, Space, Switch, Tag, Typography } from 'antd';
import { ExportOutlined, QrcodeOutlined } from '@ant-design/icons';
import {
  formatDateTime,
  OPINION_STATUSES,
  opinionStatusLabels,
  satisfactionLabels,
  type Opinion,
  type OpinionStatus,
  type RatingCounts,
} from '@rectify/domain';
import { ApiError } from '../../api/client';
import { useCurrentRoundId } from '../../app/CurrentRound';
import { useLocale, useT } from '../../i18n';
import { LoadMore } from '../../shared/LoadMore';
import { LoadError, Loading } from '../../shared/PageState';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { usePublicPageSettings, useOpinions, useSwitchPublicPage, useUpdateOpinion } from './api';
import { publicUrl } from './qr';
import { useFeedback } from '../../shared/feedback';

const statusColor: Record<OpinionStatus, string> = { new: 'red', handled: 'blue', replied: 'green' };
const ratingColor = { satisfied: 'green', basically_satisfied: 'gold', dissatisfied: 'volcano' } as const;

export function RatingsLine({ ratings }: { ratings: RatingCounts }) {
  const t = useT();
  return <Typography.Text data-testid="ratings-line">{t('pub.ratingsLine', { ...ratings })}</Typography.Text>;
}

/** The current round's public page: the switch (the unit's office), its address, the QR code to print, the ratings. */
function RoundPublicPage({ roundId, manage }: { roundId: number; manage: boolean }) {
  const t = useT();
  const { message } = useFeedback();
  const settings = usePublicPageSettings(roundId);
  const toggle = useSwitchPublicPage(roundId);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  const page = settings.data;
  const url = page.path ? publicUrl(page.path) : null;
  return (
    <Card title={`${t('pub.roundCard')}${t('pub.colon')}${page.title}`} data-testid="public-page-card">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{t('pub.switch')}</Typography.Text>
          <Switch
            checked={page.enabled}
            disabled={!manage}
            loading={toggle.isPending}
            checkedChildren={t('pub.on')}
            unCheckedChildren={t('pub.off')}
            aria-label={t('pub.switch')}
            data-testid="public-switch"
            onChange={(enabled) =>
              toggle.mutate(
                { enabled, version: page.version },
                {
                  onSuccess: () => void message.success(enabled ? t('pub.switchedOn') : t('pub.switchedOff')),
                  onError: (error) => {
                    void message.error(error instanceof Error ? error.message : String(error));
                    void settings.refetch();
                  },
                },
              )
            }
          />
        </Space>
        {url && page.enabled && (
          <>
            <div style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">{t('pub.address')}{t('pub.colon')}</Typography.Text>
              <Typography.Text copyable={{ text: url }} data-testid="public-url" style={{ wordBreak: 'break-all' }}>
                {url}
              </Typography.Text>
            </div>
            <Space wrap>
              <Link to={`/rounds/${roundId}/public/print`}>
                <Button icon={<QrcodeOutlined />} data-testid="public-print">
                  {t('pub.print')}
                </Button>
              </Link>
              <Button icon={<ExportOutlined />} href={page.path ?? undefined} target="_blank" rel="noopener">
                {t('pub.open')}
              </Button>
            </Space>
          </>
        )}
        <div>
          <Typography.Text type="secondary">{t('pub.ratings')}{t('pub.colon')}</Typography.Text>
          <RatingsLine ratings={page.ratings} />
        </div>
        <Typography.Text type="secondary">{t('pub.opinionCount', { total: page.ratings.opinions, unhandled: page.newOpinions })}</Typography.Text>
      </Space>
    </Card>
  );
}

function HandleModal({ opinion, onClose }: { opinion: Opinion; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const update = useUpdateOpinion();
  const [form] = Form.useForm<{ status: OpinionStatus; note: string }>();
  const save = async () => {
    const values = await form.validateFields();
    update.mutate(
      { id: opinion.id, body: { version: opinion.version, status: values.status, note: values.note?.trim() ? values.note : null } },
      {
        onSuccess: () => {
          void message.success(t('pub.saved'));
          onClose();
        },
        onError: (error) => void message.error(error instanceof ApiError || error instanceof Error ? error.message : String(error)),
      },
    );
  };
  return (
    <Modal open title={t('pub.handle')} onCancel={onClose} onOk={() => void save()} okText={t('pub.save')} confirmLoading={update.isPending} okButtonProps={{ 'data-testid': 'opinion-save' } as Record<string, string>} destroyOnHidden>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{opinion.content}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ status: opinion.status === 'new' ? 'handled' : opinion.status, note: opinion.note ?? '' }}>
        <Form.Item name="status" label={t('pub.status')}>
          <Radio.Group optionType="button" options={OPINION_STATUSES.map((s) => ({ value: s, label: opinionStatusLabels[s][locale] }))} data-testid="opinion-status" />
        </Form.Item>
        <Form.Item name="note" label={t('pub.note')}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('pub.notePlaceholder')} data-testid="opinion-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OpinionCard({ opinion, manage, showRound, onHandle }: { opinion: Opinion; manage: boolean; showRound: boolean; onHandle: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const who = [opinion.name ?? t('pub.anonymous'), opinion.phone].filter(Boolean).join(' · ');
  return (
    <Card size="small" data-testid="opinion-item">
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={[6, 6]}>
          <Tag color={statusColor[opinion.status]} data-testid="opinion-status-tag">{opinionStatusLabels[opinion.status][locale]}</Tag>
          {opinion.rating && <Tag color={ratingColor[opinion.rating]}>{satisfactionLabels[opinion.rating][locale]}</Tag>}
          <Typography.Text type="secondary">{formatDateTime(opinion.receivedAt)}</Typography.Text>
        </Space>
        {showRound && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {opinion.unitName} · {opinion.roundTitle}
          </Typography.Text>
        )}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="opinion-content">
          {opinion.content}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{who}</Typography.Text>
        {opinion.note && (
          <Typography.Text>
            {t('pub.note')}{t('pub.colon')}{opinion.note}
          </Typography.Text>
        )}
        {opinion.handledBy && opinion.handledAt && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pub.handledBy', { name: opinion.handledBy.name ?? opinion.handledBy.username, date: formatDateTime(opinion.handledAt) })}
          </Typography.Text>
        )}
        {manage && (
          <div>
            <Button size="small" onClick={onHandle} data-testid="opinion-handle">
              {t('pub.handle')}
            </Button>
          </div>
        )}
      </Space>
    </Card>
  );
}

/**
 * 群众监督 (the unit's office, the 巡察办, admin): the current round's public page and its QR code,
 * then the opinions received, newest first; the unit's office handles them.
 */
export default function OpinionsPage() {
  const t = useT();
  const [locale] = useLocale();
  const user = useMe().data;
  const manage = hasAccess(user, 'opinions.manage');
  const roundId = useCurrentRoundId();
  const [status, setStatus] = useState<OpinionStatus | null>(null);
  const [thisRound, setThisRound] = useState(false);
  const [handling, setHandling] = useState<Opinion | null>(null);
  const list = useOpinions(thisRound ? roundId : null, status);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const showRound = !thisRound;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="opinions-page">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('pub.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('pub.intro')}
        </Typography.Paragraph>
        {!manage && <Typography.Paragraph type="secondary">{t('pub.readOnly')}</Typography.Paragraph>}
      </div>
      {roundId ? <RoundPublicPage roundId={roundId} manage={manage} /> : <Typography.Text type="secondary">{t('pub.noRound')}</Typography.Text>}
      <Card
        title={t('pub.inbox')}
        extra={<Typography.Text type="secondary">{t('pub.total', { total })}</Typography.Text>}
        styles={{ body: { padding: 12 } }}
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<OpinionStatus | 'all'>
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? null : v)}
            style={{ minWidth: 140 }}
            aria-label={t('pub.status')}
            data-testid="opinion-filter"
            options={[{ value: 'all', label: t('pub.allStatuses') }, ...OPINION_STATUSES.map((s) => ({ value: s, label: opinionStatusLabels[s][locale] }))]}
          />
          {roundId && (
            <Checkbox checked={thisRound} onChange={(e) => setThisRound(e.target.checked)}>
              {t('pub.thisRound')}
            </Checkbox>
          )}
        </Space>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Typography.Text type="secondary" data-testid="opinions-empty">{t('pub.empty')}</Typography.Text>
        ) : (
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            {items.map((o) => (
              <OpinionCard key={o.id} opinion={o} manage={manage} showRound={showRound} onHandle={() => setHandling(o)} />
            ))}
            <LoadMore shown={items.length} total={total} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} testId="opinions-more" />
          </Space>
        )}
      </Card>
      {handling && <HandleModal opinion={handling} onClose={() => setHandling(null)} />}
    </Space>
  );
}
