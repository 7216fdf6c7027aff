import { useMemo, useState, type Key } from 'react';
import { Card, Empty, Input, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { RoundTree } from '@rectify/domain';
import { useT } from '../../i18n';
import { categoryLabel, problemLabel } from '../../shared/labels';
import { OverdueTag, StatusTag } from '../../shared/StatusTag';

/** The round's problems and measures, read-only, with a text search that keeps the ancestors. */
export function SharedTree({ tree }: { tree: RoundTree }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const q = search.trim();

  const { nodes, keys } = useMemo(() => {
    const keys: string[] = [];
    const nodes: DataNode[] = [];
    for (const c of tree.categories) {
      const problems: DataNode[] = [];
      for (const p of c.problems) {
        const problemHit = !q || p.title.includes(q) || c.title.includes(q);
        const measures = p.measures.filter((m) => problemHit || m.text.includes(q));
        if (!problemHit && measures.length === 0) continue;
        problems.push({
          key: `p${p.id}`,
          title: (
            <Space size={6} wrap>
              <Typography.Text strong>{problemLabel(p)}</Typography.Text>
              <Typography.Text type="secondary">{t('share.closedOf', { closed: p.counts.closed, total: p.counts.total })}</Typography.Text>
            </Space>
          ),
          children: measures.map((m) => ({
            key: `m${m.id}`,
            isLeaf: true,
            title: (
              <div data-testid="shared-measure" style={{ padding: '2px 0' }}>
                <StatusTag status={m.status} />
                {m.overdue && <OverdueTag days={m.daysOverdue} />}
                <span>{m.text}</span>
                <div style={{ fontSize: 12, color: '#6b7280' }}>
                  {[m.leader && t('share.leader', { name: m.leader.name }), m.deadline && t('share.deadline', { date: m.deadline })].filter(Boolean).join(' · ')}
                </div>
              </div>
            ),
          })),
        });
        keys.push(`p${p.id}`);
      }
      if (problems.length === 0) continue;
      nodes.push({
        key: `c${c.id}`,
        title: (
          <Space size={6} wrap>
            <Typography.Text strong>{categoryLabel(c)}</Typography.Text>
            <Typography.Text type="secondary">{t('share.closedOf', { closed: c.counts.closed, total: c.counts.total })}</Typography.Text>
          </Space>
        ),
        children: problems,
      });
      keys.push(`c${c.id}`);
    }
    return { nodes, keys };
  }, [tree, q, t]);

  return (
    <Card>
      <Input.Search allowClear placeholder={t('share.search')} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 360, marginBottom: 16 }} />
      {nodes.length ? (
        <Tree
          data-testid="shared-tree"
          blockNode
          selectable={false}
          treeData={nodes}
          // Categories open at first; a search opens everything it found.
          expandedKeys={q ? keys : (expanded ?? keys.filter((k) => k.startsWith('c')))}
          onExpand={(next) => setExpanded(next)}
        />
      ) : (
        <Empty />
      )}
    </Card>
  );
}
