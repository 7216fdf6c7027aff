import { useMemo, useState } from 'react';
import { Button, Card, Empty, Popconfirm, Space, Tabs, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { EVIDENCE_ACCEPT, MEETING_TYPES, meetingTypeLabels, type Meeting, type RegisterFile, type Regulation } from '@rectify/domain';
import { useRound, useRoundTree } from '../../api/hooks';
import { downloadFile } from '../../api/transfer';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { ResponsiveList } from '../../shared/ResponsiveList';
import { DemoTag } from '../../shared/DemoTag';
import { useCanWrite } from '../documents/api';
import { registerFileUrl, useDeleteRegisterRow, useMeetings, useRegulations, useUploadRegisterFile, type RegisterKind } from './api';
import { LeadingGroupCard } from './LeadingGroupCard';
import { measureOptions, MeetingFormModal, RegulationFormModal } from './RegisterForms';
import { useFeedback } from '../../shared/feedback';

type Editing = { kind: 'regulation'; row?: Regulation } | { kind: 'meeting'; row?: Meeting } | null;

/**
 * /rounds/:id/registers — 建章立制 and 会议: the rules issued and the meetings held in a round, each
 * with its file (the issued document, the minutes). The dashboard and the report count these rows.
 */
export default function RegistersPage() {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const [params, setParams] = useSearchParams();
  const tab: RegisterKind | 'group' = params.get('tab') === 'meetings' ? 'meeting' : params.get('tab') === 'group' ? 'group' : 'regulation';
  const canWrite = useCanWrite();
  const round = useRound(roundId);
  const tree = useRoundTree(roundId);
  const regulations = useRegulations(roundId);
  const meetings = useMeetings(roundId);
  const remove = useDeleteRegisterRow(roundId);
  const upload = useUploadRegisterFile(roundId);
  const [editing, setEditing] = useState<Editing>(null);
  const labels = useMemo(() => new Map(measureOptions(tree.data).map((o) => [o.value, o.label])), [tree.data]);

  if (round.isPending) return <Loading />;
  if (round.isError) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  const loadError = regulations.error ?? meetings.error;

  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  const onDelete = async (kind: RegisterKind, row: { id: number; version: number }) => {
    try {
      await remove.mutateAsync({ kind, id: row.id, version: row.version });
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  const fileCell = (kind: RegisterKind, row: { id: number; version: number; file: RegisterFile | null }) => (
    <Space size={4} wrap>
      {row.file && (
        <Button
          type="link"
          size="small"
          icon={<PaperClipOutlined />}
          style={{ padding: 0, maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}
          onClick={() => void downloadFile(registerFileUrl(kind, row.id), row.file!.fileName).catch(fail)}
          data-testid={`${kind}-file-${row.id}`}
        >
          {row.file.fileName}
        </Button>
      )}
      {!row.file && !canWrite && <Typography.Text type="secondary">{t('registers.noFile')}</Typography.Text>}
      {canWrite && (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            upload
              .mutateAsync({ kind, id: row.id, version: row.version, file })
              .then(() => message.success(t('registers.fileUploaded', { name: file.name })))
              .catch(fail);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} data-testid={`${kind}-upload-${row.id}`}>
            {row.file ? t('registers.replaceFile') : kind === 'meeting' ? t('registers.uploadMinutes') : t('registers.uploadDocument')}
          </Button>
        </Upload>
      )}
    </Space>
  );

  const actions = (kind: RegisterKind, row: Regulation | Meeting, name: string) =>
    canWrite ? (
      <Space size={4} wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(kind === 'regulation' ? { kind, row: row as Regulation } : { kind, row: row as Meeting })} data-testid={`edit-${kind}-${row.id}`}>
          {t('common.edit')}
        </Button>
        <Popconfirm title={t('common.confirmDelete', { name })} okText={t('common.delete')} cancelText={t('common.cancel')} onConfirm={() => onDelete(kind, row)}>
          <Button size="small" danger icon={<DeleteOutlined />} data-testid={`delete-${kind}-${row.id}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ) : null;

  const linked = (r: Regulation) =>
    r.measureIds.length === 0 ? (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    ) : (
      <Space size={[4, 4]} wrap>
        {r.measureIds.map((id) => (
          <Link key={id} to={`/measures/${id}`} title={labels.get(id)}>
            <Tag style={{ marginInlineEnd: 0 }}>{labels.get(id)?.split(' ')[0] ?? `#${id}`}</Tag>
          </Link>
        ))}
      </Space>
    );
  const dash = (value: string | null) => value ?? t('common.none');

  const regulationList = (
    <ResponsiveList<Regulation>
      testId="regulation-list"
      rows={regulations.data ?? []}
      rowKey={(r) => r.id}
      empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.noRegulations')} />}
      card={(r) => (
        <Card size="small" data-testid={`regulation-card-${r.id}`}>
          <Typography.Text strong>{r.title}</Typography.Text> {r.demo && <DemoTag />}
          <div>
            <Typography.Text type="secondary">
              {[r.documentNumber, r.issuedDate, r.issuingUnit].filter(Boolean).join(' · ') || t('registers.noDetails')}
            </Typography.Text>
          </div>
          <div style={{ margin: '6px 0' }}>
            <Typography.Text type="secondary">{t('registers.measures')}：</Typography.Text>
            {linked(r)}
          </div>
          <div style={{ marginBottom: 6 }}>{fileCell('regulation', r)}</div>
          {actions('regulation', r, r.title)}
        </Card>
      )}
      table={{
        size: 'middle',
        pagination: false,
        onRow: (r) => ({ 'data-testid': `regulation-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>,
        columns: [
          { title: t('registers.title'), render: (_, r) => <>{r.title} {r.demo && <DemoTag />}</> },
          { title: t('registers.documentNumber'), width: 170, render: (_, r) => dash(r.documentNumber) },
          { title: t('registers.issuedDate'), width: 110, render: (_, r) => dash(r.issuedDate) },
          { title: t('registers.issuingUnit'), width: 180, render: (_, r) => dash(r.issuingUnit) },
          { title: t('registers.measures'), width: 160, render: (_, r) => linked(r) },
          { title: t('registers.file'), width: 200, render: (_, r) => fileCell('regulation', r) },
          ...(canWrite ? [{ title: t('common.actions'), width: 170, render: (_: unknown, r: Regulation) => actions('regulation', r, r.title) }] : []),
        ],
      }}
    />
  );

  const byType = MEETING_TYPES.map((type) => ({ type, n: (meetings.data ?? []).filter((m) => m.type === type).length })).filter((x) => x.n > 0);
  const meetingList = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {byType.length > 0 && (
        <Space size={[6, 6]} wrap data-testid="meeting-counts">
          {byType.map((x) => (
            <Tag key={x.type} color="blue">
              {t('registers.typeCount', { type: meetingTypeLabels[x.type][locale], n: x.n })}
            </Tag>
          ))}
        </Space>
      )}
      <ResponsiveList<Meeting>
        testId="meeting-list"
        rows={meetings.data ?? []}
        rowKey={(m) => m.id}
        empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.noMeetings')} />}
        card={(m) => (
          <Card size="small" data-testid={`meeting-card-${m.id}`}>
            <Space size={6} wrap>
              <Tag color="blue">{meetingTypeLabels[m.type][locale]}</Tag>
              <Typography.Text type="secondary">{m.date ?? t('registers.dateMissing')}</Typography.Text>
              {m.demo && <DemoTag />}
            </Space>
            <div>
              <Typography.Text strong>{m.topic}</Typography.Text>
            </div>
            {m.attendees && (
              <div>
                <Typography.Text type="secondary">
                  {t('registers.attendees')}：{m.attendees}
                </Typography.Text>
              </div>
            )}
            <div style={{ margin: '6px 0' }}>{fileCell('meeting', m)}</div>
            {actions('meeting', m, m.topic)}
          </Card>
        )}
        table={{
          size: 'middle',
          pagination: false,
          onRow: (m) => ({ 'data-testid': `meeting-row-${m.id}` }) as React.HTMLAttributes<HTMLElement>,
          columns: [
            { title: t('registers.meetingType'), width: 150, render: (_, m) => <Tag color="blue">{meetingTypeLabels[m.type][locale]}</Tag> },
            { title: t('registers.meetingDate'), width: 110, render: (_, m) => m.date ?? <Typography.Text type="secondary">{t('registers.dateMissing')}</Typography.Text> },
            { title: t('registers.topic'), render: (_, m) => <>{m.topic} {m.demo && <DemoTag />}</> },
            { title: t('registers.attendees'), width: 200, render: (_, m) => dash(m.attendees) },
            { title: t('registers.minutes'), width: 200, render: (_, m) => fileCell('meeting', m) },
            ...(canWrite ? [{ title: t('common.actions'), width: 170, render: (_: unknown, m: Meeting) => actions('meeting', m, m.topic) }] : []),
          ],
        }}
      />
    </Space>
  );

  // Above the list, not in the tab bar: a tab list may hold tabs only (axe: aria-required-children).
  const addButton = (kind: RegisterKind) =>
    canWrite ? (
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind })} data-testid={`add-${kind}`}>
          {kind === 'meeting' ? t('registers.addMeeting') : t('registers.addRegulation')}
        </Button>
      </div>
    ) : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="registers-page">
      <div>
        <h1 className="rectify-page-title">{t('registers.pageTitle')}</h1>
        <Typography.Text type="secondary">{t('registers.intro', { round: round.data.title })}</Typography.Text>
      </div>
      {loadError && <LoadError error={loadError} onRetry={() => void Promise.all([regulations.refetch(), meetings.refetch()])} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'meeting' ? { tab: 'meetings' } : key === 'group' ? { tab: 'group' } : {}, { replace: true })}
        items={[
          { key: 'regulation', label: t('registers.regulationsTab', { n: regulations.data?.length ?? 0 }), children: regulations.isPending ? <Loading /> : <>{addButton('regulation')}{regulationList}</> },
          { key: 'meeting', label: t('registers.meetingsTab', { n: meetings.data?.length ?? 0 }), children: meetings.isPending ? <Loading /> : <>{addButton('meeting')}{meetingList}</> },
          { key: 'group', label: t('leadingGroup.title'), children: <LeadingGroupCard roundId={roundId} organizationId={round.data.inspectedUnit.id} canWrite={canWrite} /> },
        ]}
      />
      <RegulationFormModal
        open={editing?.kind === 'regulation'}
        roundId={roundId}
        regulation={editing?.kind === 'regulation' ? editing.row : undefined}
        tree={tree.data}
        defaultUnit={round.data.inspectedUnit.name}
        onClose={() => setEditing(null)}
      />
      <MeetingFormModal open={editing?.kind === 'meeting'} roundId={roundId} meeting={editing?.kind === 'meeting' ? editing.row : undefined} onClose={() => setEditing(null)} />
    </Space>
  );
}
