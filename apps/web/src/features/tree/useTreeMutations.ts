import { useQueryClient } from '@tanstack/react-query';
import type { CategoryNode, MeasureDetail, MeasureItem, ProblemNode } from '@rectify/domain';
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
  useUpdateCategory,
  useUpdateManifestation,
  useUpdateMeasure,
  useUpdateProblem,
} from '../../api/hooks';
import { queryKeys } from '../../api/keys';
import { useT } from '../../i18n';
import { toPayload, type MeasureFormValues } from '../measure/measureForm';
import type { SimpleFormValues } from './SimpleFormModal';
import { useFeedback } from '../../shared/feedback';

export type ManifestationNode = ProblemNode['manifestations'][number];

/** The node kinds edited with one text and an ordinal (the measure has its own form). */
export type TextNodeKind = 'category' | 'problem' | 'manifestation';
export type NodeKind = TextNodeKind | 'measure';

/** What the tree's one dialog is doing: create under a parent, or edit a node read from the tree. */
export type TreeDialog =
  | { kind: 'category'; mode: 'create' }
  | { kind: 'category'; mode: 'edit'; node: CategoryNode }
  | { kind: 'problem'; mode: 'create'; categoryId: number }
  | { kind: 'problem'; mode: 'edit'; node: ProblemNode }
  | { kind: 'manifestation'; mode: 'create'; problemId: number }
  | { kind: 'manifestation'; mode: 'edit'; node: ManifestationNode }
  | { kind: 'measure'; mode: 'create'; problem: ProblemNode }
  | { kind: 'measure'; mode: 'edit'; problem: ProblemNode; node: MeasureDetail };

export type TextDialog = Extract<TreeDialog, { kind: TextNodeKind }>;
export type MeasureDialog = Extract<TreeDialog, { kind: 'measure' }>;

/** A node to delete: its kind, id, the version read, and the text shown when it cannot be deleted. */
export interface DeleteTarget {
  kind: NodeKind;
  id: number;
  version: number;
  name: string;
}

const ordinalCreate = (v: SimpleFormValues) => (v.ordinal ? { ordinal: v.ordinal } : {});
const ordinalPatch = (v: SimpleFormValues, current: number) => (v.ordinal && v.ordinal !== current ? { ordinal: v.ordinal } : {});

/**
 * Every write the tree makes, in one place: create/edit/delete of the four node kinds. The page
 * calls this once and hands the result to the node components through TreeActionsContext, so a
 * 1,000-measure tree does not hold 1,000 sets of mutation hooks.
 */
export function useTreeMutations(roundId: number) {
  const t = useT();
  const { message, notification } = useFeedback();
  const client = useQueryClient();

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

  /** Saves a category, problem or manifestation; rejects with the API's message (shown in the dialog). */
  const saveText = async (dialog: TextDialog, v: SimpleFormValues): Promise<void> => {
    switch (dialog.kind) {
      case 'category':
        if (dialog.mode === 'create') await createCategory.mutateAsync({ roundId, title: v.text, ...ordinalCreate(v) });
        else
          await updateCategory.mutateAsync({
            id: dialog.node.id,
            body: { version: dialog.node.version, title: v.text, ...ordinalPatch(v, dialog.node.ordinal) },
          });
        break;
      case 'problem':
        if (dialog.mode === 'create') await createProblem.mutateAsync({ categoryId: dialog.categoryId, title: v.text, ...ordinalCreate(v) });
        else
          await updateProblem.mutateAsync({
            id: dialog.node.id,
            body: { version: dialog.node.version, title: v.text, ...ordinalPatch(v, dialog.node.ordinal) },
          });
        break;
      case 'manifestation':
        if (dialog.mode === 'create') await createManifestation.mutateAsync({ problemId: dialog.problemId, text: v.text, ...ordinalCreate(v) });
        else
          await updateManifestation.mutateAsync({
            id: dialog.node.id,
            body: { version: dialog.node.version, text: v.text, ...ordinalPatch(v, dialog.node.ordinal) },
          });
        break;
    }
  };

  const saveMeasure = async (dialog: MeasureDialog, v: MeasureFormValues): Promise<void> => {
    if (dialog.mode === 'create') await createMeasure.mutateAsync({ problemId: dialog.problem.id, ...toPayload(v), text: v.text.trim() });
    else await updateMeasure.mutateAsync({ id: dialog.node.id, body: { version: dialog.node.version, ...toPayload(v) } });
  };

  /** Deletes a node; a refusal (e.g. it still has children) is explained in a notification. */
  const remove = async (target: DeleteTarget): Promise<void> => {
    const ref = { id: target.id, version: target.version };
    const del = { category: deleteCategory, problem: deleteProblem, manifestation: deleteManifestation, measure: deleteMeasure }[target.kind];
    try {
      await del.mutateAsync(ref);
      message.success(t('common.deleted'));
    } catch (e) {
      notification.error({
        message: t('tree.deleteBlocked', { message: e instanceof Error ? e.message : String(e) }),
        description: target.name,
        duration: 8,
      });
    }
  };

  /** The measure form needs the full detail (the tree carries a summary): read it fresh, version included. */
  const loadMeasure = async (m: MeasureItem): Promise<MeasureDetail | null> => {
    try {
      return await client.fetchQuery({
        queryKey: queryKeys.measures.detail(m.id),
        queryFn: () => api.get<MeasureDetail>(`/api/measures/${m.id}`),
        staleTime: 0,
      });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return null;
    }
  };

  return { saveText, saveMeasure, remove, loadMeasure };
}

export type TreeMutations = ReturnType<typeof useTreeMutations>;
