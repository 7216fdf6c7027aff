import { createContext, useContext, type ReactNode } from 'react';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, FileSearchOutlined, PlusOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CategoryNode, MeasureItem, ProblemNode } from '@rectify/domain';
import { useT } from '../../i18n';
import type { DeleteTarget, ManifestationNode, TreeDialog, TreeMutations } from './useTreeMutations';

/** What the node components may do: open the page's dialog, or use the page's one set of writes. */
export interface TreeActions {
  openDialog: (dialog: TreeDialog) => void;
  mutations: TreeMutations;
}

export const TreeActionsContext = createContext<TreeActions | null>(null);

function useTreeActions(): TreeActions {
  const actions = useContext(TreeActionsContext);
  if (!actions) throw new Error('Tree node actions rendered outside TreeActionsContext');
  return actions;
}

function IconAction({ icon, label, onClick }: { icon: ReactNode; label: string; onClick: () => void }) {
  return (
    <Tooltip title={label}>
      <Button type="text" size="small" icon={icon} aria-label={label} onClick={onClick} />
    </Tooltip>
  );
}

function DeleteAction({ target }: { target: DeleteTarget }) {
  const t = useT();
  const { mutations } = useTreeActions();
  const label = t('common.delete');
  const name = target.name.length > 40 ? `${target.name.slice(0, 40)}…` : target.name;
  return (
    <Popconfirm
      title={t('common.confirmDelete', { name })}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => void mutations.remove(target)}
    >
      <Tooltip title={label}>
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={label} />
      </Tooltip>
    </Popconfirm>
  );
}

/** Keeps a click on an action from toggling the node it sits on. */
function ActionBar({ children }: { children: ReactNode }) {
  return (
    <Space size={0} className="rectify-node-actions" onClick={(e) => e.stopPropagation()}>
      {children}
    </Space>
  );
}

export function CategoryActions({ category }: { category: CategoryNode }) {
  const t = useT();
  const { openDialog } = useTreeActions();
  return (
    <ActionBar>
      <IconAction icon={<PlusOutlined />} label={t('tree.addProblem')} onClick={() => openDialog({ kind: 'problem', mode: 'create', categoryId: category.id })} />
      <IconAction icon={<EditOutlined />} label={t('tree.editCategory')} onClick={() => openDialog({ kind: 'category', mode: 'edit', node: category })} />
      <DeleteAction target={{ kind: 'category', id: category.id, version: category.version, name: category.title }} />
    </ActionBar>
  );
}

export function ProblemActions({ problem }: { problem: ProblemNode }) {
  const t = useT();
  const { openDialog } = useTreeActions();
  return (
    <ActionBar>
      <IconAction icon={<PlusSquareOutlined />} label={t('tree.addManifestation')} onClick={() => openDialog({ kind: 'manifestation', mode: 'create', problemId: problem.id })} />
      <IconAction icon={<PlusOutlined />} label={t('tree.addMeasure')} onClick={() => openDialog({ kind: 'measure', mode: 'create', problem })} />
      <IconAction icon={<EditOutlined />} label={t('tree.editProblem')} onClick={() => openDialog({ kind: 'problem', mode: 'edit', node: problem })} />
      <DeleteAction target={{ kind: 'problem', id: problem.id, version: problem.version, name: problem.title }} />
    </ActionBar>
  );
}

export function ManifestationActions({ manifestation }: { manifestation: ManifestationNode }) {
  const t = useT();
  const { openDialog } = useTreeActions();
  return (
    <ActionBar>
      <IconAction icon={<EditOutlined />} label={t('tree.editManifestation')} onClick={() => openDialog({ kind: 'manifestation', mode: 'edit', node: manifestation })} />
      <DeleteAction target={{ kind: 'manifestation', id: manifestation.id, version: manifestation.version, name: manifestation.text }} />
    </ActionBar>
  );
}

export function MeasureActions({ problem, measure }: { problem: ProblemNode; measure: MeasureItem }) {
  const t = useT();
  const { openDialog, mutations } = useTreeActions();
  const edit = async () => {
    const detail = await mutations.loadMeasure(measure);
    if (detail) openDialog({ kind: 'measure', mode: 'edit', problem, node: detail });
  };
  return (
    <Space size={0}>
      <Link to={`/measures/${measure.id}`} onClick={(e) => e.stopPropagation()}>
        <Button type="link" size="small" icon={<FileSearchOutlined />}>
          {t('tree.openMeasure')}
        </Button>
      </Link>
      <ActionBar>
        <IconAction icon={<EditOutlined />} label={t('tree.editMeasure')} onClick={() => void edit()} />
        <DeleteAction target={{ kind: 'measure', id: measure.id, version: measure.version, name: measure.text }} />
      </ActionBar>
    </Space>
  );
}
