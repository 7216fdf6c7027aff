import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import {
  DeleteOutlined,
  EditOutlined,
  FileSearchOutlined,
  MinusSquareOutlined,
  PlusOutlined,
  PlusSquareOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  enumerationWord,
  subsectionNumber,
  type CategoryNode,
  type MeasureDetail,
  type MeasureItem,
  type ProblemNode,
  type ProgressCounts,
} from '@rectify/domain';
import { api } from '../../api/client';
import {
  useCreateCategory,
  useCreateManifestation,
  useCreateMeasure,
  useCreateProblem,
  useDeleteCategory,
  useDeleteManifestation,
  useDeleteMeasure,
  useDeleteProblem,
  useDepartments,
  usePeople,
  useRoundTree,
  useUpdateCategory,
  useUpdateManifestation,
  useUpdateMeasure,
  useUpdateProblem,
} from '../../api/hooks';
import { queryKeys } from '../../api/keys';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { brand } from '../../app/theme';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { DemoTag, StatusTag } from '../../shared/StatusTag';
import { emptyMeasureValues, toFormValues, toPayload, type MeasureFormValues } from '../measure/measureForm';
import { allKeys, filterCategories, nodeKey } from './filterTree';
import { MeasureFormModal } from './MeasureFormModal';
import { SimpleFormModal, type SimpleFormValues } from './SimpleFormModal';

type ManifestationNode = ProblemNode['manifestations'][number];

type Dialog =
  | { kind: 'category'; mode: 'create' }
  | { kind: 'category'; mode: 'edit'; node: CategoryNode }
  | { kind: 'problem'; mode: 'create'; categoryId: number }
  | { kind: 'problem'; mode: 'edit'; node: ProblemNode }
  | { kind: 'manifestation'; mode: 'create'; problemId: number }
  | { kind: 'manifestation'; mode: 'edit'; node: ManifestationNode }
  | { kind: 'measure'; mode: 'create'; problem: ProblemNode }
  | { kind: 'measure'; mode: 'edit'; problem: ProblemNode; node: MeasureDetail };

/** Highlights the search query inside a text. */
function Highlight({ text, query }: { text: string; query: string }) {
  const q = query.trim();
  if (!q) return <>{text}</>;
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}

function CountTag({ counts }: { counts: ProgressCounts }) {
  const t = useT();
  const done = counts.total > 0 && counts.closed === counts.total;
  return (
    <Tag color={done ? 'green' : counts.overdue > 0 ? 'red' : 'blue'} bordered={false} data-testid="node-counts">
      {t('tree.counts', { closed: counts.closed, total: counts.total })}
    </Tag>
  );
}

export default function TreePage() {
  const t = useT();
  const { message, notification } = App.useApp();
  const client = useQueryClient();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const tree = useRoundTree(roundId);
  const organizationId = tree.data?.round.inspectedUnit.id;
  const people = usePeople(organizationId);
  const departments = useDepartments(organizationId);

  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const createCategory = useCreateCategory();
  const updateCategory = useUpdateCategory();
  const deleteCategory = useDeleteCategory();
  const createProblem = useCreateProblem();
  const updateProblem = useUpdateProblem();
  const deleteProblem = useDeleteProblem();
  const createManifestation = useCreateManifestation();
  const updateManifestation = useUpdateManifestation();
  const deleteManifestation = useDeleteManifestation();
  const createMeasure = useCreateMeasure();
  const updateMeasure = useUpdateMeasure();
  const deleteMeasure = useDeleteMeasure();

  const categories = useMemo(() => (tree.data ? filterCategories(tree.data, query) : []), [tree.data, query]);
  const searching = query.trim() !== '';
  // Default: categories open, so the problems show; a search opens every match.
  const expandedKeys = searching
    ? allKeys(categories)
    : (expanded ?? (tree.data?.categories ?? []).map((c) => nodeKey.category(c.id)));

  if (tree.isPending) return <Loading />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  const data = tree.data;

  const remove = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
      message.success(t('common.deleted'));
    } catch (e) {
      notification.error({
        message: t('tree.deleteBlocked', { message: e instanceof Error ? e.message : String(e) }),
        description: name,
        duration: 8,
      });
    }
  };

  const openMeasureEdit = async (problem: ProblemNode, m: MeasureItem) => {
    try {
      const detail = await client.fetchQuery({
        queryKey: queryKeys.measures.detail(m.id),
        queryFn: () => api.get<MeasureDetail>(`/api/measures/${m.id}`),
        staleTime: 0,
      });
      setDialog({ kind: 'measure', mode: 'edit', problem, node: detail });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const actions = (items: ({ key: string; icon: ReactNode; label: string; onClick: () => void } | { key: string; del: string; onConfirm: () => void; label: string } | null)[]) => (
    <Space size={0} className="rectify-node-actions" onClick={(e) => e.stopPropagation()}>
      {items.map((a) =>
        a === null ? null : 'del' in a ? (
          <Popconfirm
            key={a.key}
            title={t('common.confirmDelete', { name: a.del.length > 40 ? `${a.del.slice(0, 40)}…` : a.del })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={a.onConfirm}
          >
            <Tooltip title={a.label}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={a.label} />
            </Tooltip>
          </Popconfirm>
        ) : (
          <Tooltip key={a.key} title={a.label}>
            <Button type="text" size="small" icon={a.icon} aria-label={a.label} onClick={a.onClick} />
          </Tooltip>
        ),
      )}
    </Space>
  );

  const row = (content: ReactNode, side: ReactNode, testId?: string) => (
    <div data-testid={testId} style={{ display: 'flex', alignItems: 'flex-start', gap: 8, padding: '2px 0' }}>
      <div style={{ flex: 1, minWidth: 0 }}>{content}</div>
      <div style={{ flex: 'none' }}>{side}</div>
    </div>
  );

  const measureNode = (problem: ProblemNode, m: MeasureItem): DataNode => {
    const manifestation = problem.manifestations.find((x) => x.id === m.manifestationId);
    return {
      key: nodeKey.measure(m.id),
      isLeaf: true,
      title: row(
        <div>
          <div style={{ lineHeight: 1.7 }}>
            <Typography.Text strong style={{ color: brand.primary }}>
              {enumerationWord(m.ordinal)}
            </Typography.Text>{' '}
            <span style={m.overdue ? { color: '#cf1322' } : undefined}>
              <Highlight text={m.text} query={query} />
            </span>
          </div>
          <Space size={4} wrap style={{ marginTop: 2 }}>
            <StatusTag status={m.status} />
            {m.overdue && (
              <Tag color="red" data-testid="tree-overdue-flag">
                {t('tree.overdueTag', { n: m.daysOverdue })}
              </Tag>
            )}
            {m.demo && <DemoTag />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[m.leader?.name, m.leadDepartment?.name, m.deadline].filter(Boolean).join(' · ')}
            </Typography.Text>
            {manifestation && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                · {t('tree.forManifestation', { n: manifestation.ordinal })}
              </Typography.Text>
            )}
          </Space>
        </div>,
        <Space size={0}>
          <Link to={`/measures/${m.id}`} onClick={(e) => e.stopPropagation()}>
            <Button type="link" size="small" icon={<FileSearchOutlined />}>
              {t('tree.openMeasure')}
            </Button>
          </Link>
          {actions([
            { key: 'edit', icon: <EditOutlined />, label: t('tree.editMeasure'), onClick: () => void openMeasureEdit(problem, m) },
            { key: 'del', del: m.text, label: t('common.delete'), onConfirm: () => void remove(m.text, () => deleteMeasure.mutateAsync({ id: m.id, version: m.version })) },
          ])}
        </Space>,
        `tree-measure-${m.id}`,
      ),
    };
  };

  const problemNode = (p: ProblemNode): DataNode => {
    const children: DataNode[] = [];
    if (p.manifestations.length)
      children.push({
        key: nodeKey.manifestations(p.id),
        title: (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('tree.manifestations')}（{p.manifestations.length}）
          </Typography.Text>
        ),
        children: p.manifestations.map((m) => ({
          key: nodeKey.manifestation(m.id),
          isLeaf: true,
          title: row(
            <span style={{ lineHeight: 1.7 }}>
              <Typography.Text type="secondary">{m.ordinal}.</Typography.Text> <Highlight text={m.text} query={query} />{' '}
              {m.demo && <DemoTag />}
            </span>,
            actions([
              { key: 'edit', icon: <EditOutlined />, label: t('tree.editManifestation'), onClick: () => setDialog({ kind: 'manifestation', mode: 'edit', node: m }) },
              { key: 'del', del: m.text, label: t('common.delete'), onConfirm: () => void remove(m.text, () => deleteManifestation.mutateAsync({ id: m.id, version: m.version })) },
            ]),
          ),
        })),
      });
    if (p.measures.length)
      children.push({
        key: nodeKey.measures(p.id),
        title: (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('tree.measures')}（{p.measures.length}）
          </Typography.Text>
        ),
        children: p.measures.map((m) => measureNode(p, m)),
      });
    return {
      key: nodeKey.problem(p.id),
      title: row(
        <Space size={6} wrap>
          <Typography.Text strong>
            {p.ordinal}. <Highlight text={p.title} query={query} />
          </Typography.Text>
          <CountTag counts={p.counts} />
          {p.counts.overdue > 0 && <Tag color="red">{t('dashboard.stat.overdue')} {p.counts.overdue}</Tag>}
        </Space>,
        actions([
          { key: 'addm', icon: <PlusSquareOutlined />, label: t('tree.addManifestation'), onClick: () => setDialog({ kind: 'manifestation', mode: 'create', problemId: p.id }) },
          { key: 'adds', icon: <PlusOutlined />, label: t('tree.addMeasure'), onClick: () => setDialog({ kind: 'measure', mode: 'create', problem: p }) },
          { key: 'edit', icon: <EditOutlined />, label: t('tree.editProblem'), onClick: () => setDialog({ kind: 'problem', mode: 'edit', node: p }) },
          { key: 'del', del: p.title, label: t('common.delete'), onConfirm: () => void remove(p.title, () => deleteProblem.mutateAsync({ id: p.id, version: p.version })) },
        ]),
        `tree-problem-${p.id}`,
      ),
      children,
    };
  };

  const treeData: DataNode[] = categories.map((c) => ({
    key: nodeKey.category(c.id),
    title: row(
      <Space size={6} wrap>
        <Typography.Text strong style={{ fontSize: 15, color: '#1f2937' }}>
          {subsectionNumber(c.ordinal)}
          <Highlight text={c.title} query={query} />
        </Typography.Text>
        <CountTag counts={c.counts} />
        {c.rectified && <Tag color="green">{t('tree.rectified')}</Tag>}
      </Space>,
      actions([
        { key: 'add', icon: <PlusOutlined />, label: t('tree.addProblem'), onClick: () => setDialog({ kind: 'problem', mode: 'create', categoryId: c.id }) },
        { key: 'edit', icon: <EditOutlined />, label: t('tree.editCategory'), onClick: () => setDialog({ kind: 'category', mode: 'edit', node: c }) },
        { key: 'del', del: c.title, label: t('common.delete'), onConfirm: () => void remove(c.title, () => deleteCategory.mutateAsync({ id: c.id, version: c.version })) },
      ]),
      `tree-category-${c.id}`,
    ),
    children: c.problems.map(problemNode),
  }));

  const totals = data.categories.reduce(
    (acc, c) => {
      acc.problems += c.problems.length;
      for (const p of c.problems) {
        acc.manifestations += p.manifestations.length;
        acc.measures += p.measures.length;
      }
      return acc;
    },
    { problems: 0, manifestations: 0, measures: 0 },
  );

  // ---- dialogs ---------------------------------------------------------------------------

  const done = (created: boolean) => {
    message.success(t(created ? 'common.created' : 'common.saved'));
    setDialog(null);
  };
  const ordinalPatch = (v: SimpleFormValues, current: number) => (v.ordinal && v.ordinal !== current ? { ordinal: v.ordinal } : {});
  const ordinalCreate = (v: SimpleFormValues) => (v.ordinal ? { ordinal: v.ordinal } : {});

  let simple: { title: string; textLabel: string; multiline: boolean; initial: SimpleFormValues; submit: (v: SimpleFormValues) => Promise<void> } | null = null;
  if (dialog?.kind === 'category')
    simple = {
      title: t(dialog.mode === 'create' ? 'tree.addCategory' : 'tree.editCategory'),
      textLabel: t('tree.field.title'),
      multiline: false,
      initial: dialog.mode === 'edit' ? { text: dialog.node.title, ordinal: dialog.node.ordinal } : { text: '' },
      submit: async (v) => {
        if (dialog.mode === 'create') await createCategory.mutateAsync({ roundId, title: v.text, ...ordinalCreate(v) });
        else
          await updateCategory.mutateAsync({
            id: dialog.node.id,
            body: { version: dialog.node.version, title: v.text, ...ordinalPatch(v, dialog.node.ordinal) },
          });
        done(dialog.mode === 'create');
      },
    };
  else if (dialog?.kind === 'problem')
    simple = {
      title: t(dialog.mode === 'create' ? 'tree.addProblem' : 'tree.editProblem'),
      textLabel: t('tree.field.title'),
      multiline: false,
      initial: dialog.mode === 'edit' ? { text: dialog.node.title, ordinal: dialog.node.ordinal } : { text: '' },
      submit: async (v) => {
        if (dialog.mode === 'create')
          await createProblem.mutateAsync({ categoryId: dialog.categoryId, title: v.text, ...ordinalCreate(v) });
        else
          await updateProblem.mutateAsync({
            id: dialog.node.id,
            body: { version: dialog.node.version, title: v.text, ...ordinalPatch(v, dialog.node.ordinal) },
          });
        done(dialog.mode === 'create');
      },
    };
  else if (dialog?.kind === 'manifestation')
    simple = {
      title: t(dialog.mode === 'create' ? 'tree.addManifestation' : 'tree.editManifestation'),
      textLabel: t('tree.field.text'),
      multiline: true,
      initial: dialog.mode === 'edit' ? { text: dialog.node.text, ordinal: dialog.node.ordinal } : { text: '' },
      submit: async (v) => {
        if (dialog.mode === 'create')
          await createManifestation.mutateAsync({ problemId: dialog.problemId, text: v.text, ...ordinalCreate(v) });
        else
          await updateManifestation.mutateAsync({
            id: dialog.node.id,
            body: { version: dialog.node.version, text: v.text, ...ordinalPatch(v, dialog.node.ordinal) },
          });
        done(dialog.mode === 'create');
      },
    };

  const measureDialog = dialog?.kind === 'measure' ? dialog : null;
  const submitMeasure = async (v: MeasureFormValues) => {
    if (!measureDialog) return;
    if (measureDialog.mode === 'create') {
      await createMeasure.mutateAsync({ problemId: measureDialog.problem.id, ...toPayload(v), text: v.text.trim() });
    } else {
      await updateMeasure.mutateAsync({
        id: measureDialog.node.id,
        body: { version: measureDialog.node.version, ...toPayload(v) },
      });
    }
    done(measureDialog.mode === 'create');
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="tree-page">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16, justifyContent: 'space-between' }}>
          <div>
            <h1 className="rectify-page-title">
              {t('tree.title')} {data.round.demo && <DemoTag />}
            </h1>
            <Typography.Text type="secondary">
              {data.round.title} ·{' '}
              {t('tree.summary', {
                categories: data.categories.length,
                problems: totals.problems,
                manifestations: totals.manifestations,
                measures: totals.measures,
              })}
            </Typography.Text>
          </div>
          <Space wrap>
            <span data-testid="tree-search">
              <Input.Search
                allowClear
                placeholder={t('tree.search')}
                aria-label={t('tree.search')}
                style={{ width: 320 }}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </span>
            <Button icon={<PlusSquareOutlined />} onClick={() => { setQuery(''); setExpanded(allKeys(data.categories)); }}>
              {t('tree.expandAll')}
            </Button>
            <Button icon={<MinusSquareOutlined />} onClick={() => { setQuery(''); setExpanded([]); }}>
              {t('tree.collapseAll')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'category', mode: 'create' })}>
              {t('tree.addCategory')}
            </Button>
          </Space>
        </div>
      </Card>

      <Card styles={{ body: { padding: '12px 12px 12px 4px' } }}>
        {treeData.length ? (
          <Tree
            className="rectify-tree"
            blockNode
            showLine={{ showLeafIcon: false }}
            selectable={false}
            treeData={treeData}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              if (!searching) setExpanded(keys.map(String));
            }}
          />
        ) : (
          <Empty description={searching ? t('tree.noMatch') : undefined} />
        )}
      </Card>

      {simple && (
        <SimpleFormModal
          open
          title={simple.title}
          textLabel={simple.textLabel}
          multiline={simple.multiline}
          initial={simple.initial}
          onCancel={() => setDialog(null)}
          onSubmit={simple.submit}
        />
      )}
      {measureDialog && (
        <MeasureFormModal
          open
          title={t(measureDialog.mode === 'create' ? 'tree.addMeasure' : 'tree.editMeasure')}
          initial={measureDialog.mode === 'edit' ? toFormValues(measureDialog.node) : emptyMeasureValues()}
          people={people.data}
          departments={departments.data}
          manifestations={measureDialog.problem.manifestations}
          onCancel={() => setDialog(null)}
          onSubmit={submitMeasure}
        />
      )}
    </Space>
  );
}
