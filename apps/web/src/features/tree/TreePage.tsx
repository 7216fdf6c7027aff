import { useMemo, useState } from 'react';
import { Button, Card, Empty, Input, Space, Typography } from 'antd';
import { CheckSquareOutlined, MinusSquareOutlined, PlusOutlined, PlusSquareOutlined } from '@ant-design/icons';
import type { MeasureItem } from '@rectify/domain';
import { useParams } from 'react-router';
import { useDepartments, usePeople, useRoundTree } from '../../api/hooks';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { DemoTag } from '../../shared/DemoTag';
import { useMayBulkEdit } from '../measure/bulkAccess';
import { LazyBulkEditModal } from '../measure/LazyBulkEditModal';
import { allKeys, filterCategories, nodeKey } from './filterTree';
import { TreeActionsContext, type TreeActions } from './NodeActions';
import { NodeDialog } from './NodeDialog';
import { TreeView } from './TreeView';
import { useTreeMutations, type TreeDialog } from './useTreeMutations';

/** 问题清单: the round's tree with search, expand/collapse, and create/edit/delete on every node. */
export default function TreePage() {
  const t = useT();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const tree = useRoundTree(roundId);
  const organizationId = tree.data?.round.inspectedUnit.id;
  const people = usePeople(organizationId);
  const departments = useDepartments(organizationId);
  const mutations = useTreeMutations(roundId);

  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<TreeDialog | null>(null);
  const mayBulk = useMayBulkEdit();
  // null: not selecting; otherwise the tree's ticked keys (measures, and the problems and categories ticked whole).
  const [checked, setChecked] = useState<string[] | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const measuresByKey = useMemo(() => {
    const map = new Map<string, MeasureItem>();
    for (const c of tree.data?.categories ?? []) for (const p of c.problems) for (const m of p.measures) map.set(nodeKey.measure(m.id), m);
    return map;
  }, [tree.data]);
  const selectedMeasures = (checked ?? []).flatMap((key) => measuresByKey.get(key) ?? []);

  const categories = useMemo(() => (tree.data ? filterCategories(tree.data, query) : []), [tree.data, query]);
  const searching = query.trim() !== '';
  // Default: categories open, so the problems show; a search opens every match.
  const expandedKeys = searching
    ? allKeys(categories)
    : (expanded ?? (tree.data?.categories ?? []).map((c) => nodeKey.category(c.id)));

  if (tree.isPending) return <Loading />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  const data = tree.data;
  const actions: TreeActions = { openDialog: setDialog, mutations };

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
            {mayBulk && checked === null && (
              <Button icon={<CheckSquareOutlined />} onClick={() => setChecked([])} data-testid="tree-select">
                {t('bulk.select')}
              </Button>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'category', mode: 'create' })}>
              {t('tree.addCategory')}
            </Button>
          </Space>
        </div>
        {checked !== null && (
          <div className="rectify-bulk-bar" data-testid="tree-bulk-bar" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginTop: 12 }}>
            <Typography.Text data-testid="tree-selected-count">
              {selectedMeasures.length ? t('bulk.selected', { n: selectedMeasures.length }) : t('bulk.selectHint')}
            </Typography.Text>
            <Button type="primary" disabled={!selectedMeasures.length} onClick={() => setBulkOpen(true)} data-testid="tree-bulk-edit">
              {t('bulk.select')}
            </Button>
            <Button onClick={() => setChecked(null)}>{t('bulk.clear')}</Button>
          </div>
        )}
      </Card>

      <Card styles={{ body: { padding: '12px 12px 12px 4px' } }}>
        {categories.length ? (
          <TreeActionsContext.Provider value={actions}>
            <TreeView
              categories={categories}
              query={query}
              expandedKeys={expandedKeys}
              onExpand={(keys) => {
                if (!searching) setExpanded(keys);
              }}
              selection={checked === null ? undefined : { checkedKeys: checked, onCheck: setChecked }}
            />
          </TreeActionsContext.Provider>
        ) : (
          <Empty description={searching ? t('tree.noMatch') : undefined} />
        )}
      </Card>

      {dialog && (
        <NodeDialog
          dialog={dialog}
          organizationId={organizationId}
          roundDeadline={tree.data?.round.rectificationDeadline ?? null}
          mutations={mutations}
          people={people.data}
          departments={departments.data}
          onClose={() => setDialog(null)}
        />
      )}
      {mayBulk && (
        <LazyBulkEditModal
          open={bulkOpen}
          organizationId={organizationId}
          measures={selectedMeasures}
          onClose={() => setBulkOpen(false)}
          onDone={(result) => {
            // Keep ticked only what failed, so it can be looked at and tried again.
            const failed = new Set(result.failed.map((f) => nodeKey.measure(f.id)));
            setChecked((keys) => (keys ?? []).filter((key) => failed.has(key)));
          }}
        />
      )}
    </Space>
  );
}
