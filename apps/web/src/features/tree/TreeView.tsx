import { useMemo, type ReactNode } from 'react';
import { Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import {
  enumerationWord,
  subsectionNumber,
  type CategoryNode,
  type MeasureItem,
  type ProblemNode,
  type ProgressCounts,
} from '@rectify/domain';
import { brand } from '../../app/theme';
import { useT, type TFunction } from '../../i18n';
import { DemoTag } from '../../shared/DemoTag';
import { StatusTag } from '../../shared/StatusTag';
import { WarningTag } from '../time/WarningTag';
import { nodeKey } from './filterTree';
import { CategoryActions, ManifestationActions, MeasureActions, ProblemActions } from './NodeActions';

/**
 * Above this many nodes the tree renders only the rows in view (antd's virtual list needs a fixed
 * height). Below it the tree keeps its natural height, so a small round reads as one page.
 */
const VIRTUAL_FROM_NODES = 200;

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

/** A node's line: its content on the left, its actions on the right. */
function NodeRow({ children, actions, testId }: { children: ReactNode; actions: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={{ display: 'flex', alignItems: 'flex-start', gap: 8, padding: '2px 0' }}>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      <div style={{ flex: 'none' }}>{actions}</div>
    </div>
  );
}

function GroupTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {children}
    </Typography.Text>
  );
}

function measureNode(t: TFunction, problem: ProblemNode, m: MeasureItem, query: string): DataNode {
  const manifestation = problem.manifestations.find((x) => x.id === m.manifestationId);
  return {
    key: nodeKey.measure(m.id),
    isLeaf: true,
    title: (
      <NodeRow actions={<MeasureActions problem={problem} measure={m} />} testId={`tree-measure-${m.id}`}>
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
          {(m.warningLevel !== 'overdue' || !m.overdue) && <WarningTag level={m.warningLevel} short />}
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
      </NodeRow>
    ),
  };
}

function problemNode(t: TFunction, p: ProblemNode, query: string): DataNode {
  const children: DataNode[] = [];
  if (p.manifestations.length)
    children.push({
      key: nodeKey.manifestations(p.id),
      checkable: false,
      title: <GroupTitle>{t('tree.manifestations')}（{p.manifestations.length}）</GroupTitle>,
      children: p.manifestations.map((m) => ({
        key: nodeKey.manifestation(m.id),
        isLeaf: true,
        checkable: false,
        title: (
          <NodeRow actions={<ManifestationActions manifestation={m} />}>
            <span style={{ lineHeight: 1.7 }}>
              <Typography.Text type="secondary">{m.ordinal}.</Typography.Text> <Highlight text={m.text} query={query} />{' '}
              {m.demo && <DemoTag />}
            </span>
          </NodeRow>
        ),
      })),
    });
  if (p.measures.length)
    children.push({
      key: nodeKey.measures(p.id),
      title: <GroupTitle>{t('tree.measures')}（{p.measures.length}）</GroupTitle>,
      children: p.measures.map((m) => measureNode(t, p, m, query)),
    });
  return {
    key: nodeKey.problem(p.id),
    title: (
      <NodeRow actions={<ProblemActions problem={p} />} testId={`tree-problem-${p.id}`}>
        <Space size={6} wrap>
          <Typography.Text strong>
            {p.ordinal}. <Highlight text={p.title} query={query} />
          </Typography.Text>
          <CountTag counts={p.counts} />
          {p.counts.overdue > 0 && <Tag color="red">{t('dashboard.stat.overdue')} {p.counts.overdue}</Tag>}
        </Space>
      </NodeRow>
    ),
    children,
  };
}

function categoryNode(t: TFunction, c: CategoryNode, query: string): DataNode {
  return {
    key: nodeKey.category(c.id),
    title: (
      <NodeRow actions={<CategoryActions category={c} />} testId={`tree-category-${c.id}`}>
        <Space size={6} wrap>
          <Typography.Text strong style={{ fontSize: 15, color: '#1f2937' }}>
            {subsectionNumber(c.ordinal)}
            <Highlight text={c.title} query={query} />
          </Typography.Text>
          <CountTag counts={c.counts} />
          {c.rectified && <Tag color="green">{t('tree.rectified')}</Tag>}
        </Space>
      </NodeRow>
    ),
    children: c.problems.map((p) => problemNode(t, p, query)),
  };
}

/** Counts the rows the tree would show with these keys expanded. */
function visibleRows(nodes: DataNode[], expanded: Set<string>): number {
  let n = 0;
  for (const node of nodes) {
    n += 1;
    if (node.children && expanded.has(String(node.key))) n += visibleRows(node.children, expanded);
  }
  return n;
}

interface Props {
  categories: CategoryNode[];
  query: string;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  /** Selecting measures for 批量设置: a box on every measure, and on its problem and category to tick them all. */
  selection?: { checkedKeys: string[]; onCheck: (keys: string[]) => void };
}

/** The round's hierarchy: categories → problems → manifestations and measures, with each node's actions. */
export function TreeView({ categories, query, expandedKeys, onExpand, selection }: Props) {
  const t = useT();
  const treeData = useMemo(() => categories.map((c) => categoryNode(t, c, query)), [t, categories, query]);
  const rows = useMemo(() => visibleRows(treeData, new Set(expandedKeys)), [treeData, expandedKeys]);
  // A long tree scrolls inside a box as tall as the window leaves room for, rendering only what is in view.
  const height = rows > VIRTUAL_FROM_NODES ? Math.max(360, window.innerHeight - 220) : undefined;
  return (
    <Tree
      className="rectify-tree"
      blockNode
      showLine={{ showLeafIcon: false }}
      selectable={false}
      treeData={treeData}
      expandedKeys={expandedKeys}
      onExpand={(keys) => onExpand(keys.map(String))}
      checkable={!!selection}
      checkedKeys={selection?.checkedKeys}
      onCheck={(keys) => selection?.onCheck((Array.isArray(keys) ? keys : keys.checked).map(String))}
      height={height}
      virtual
    />
  );
}
