import type { Department, Person } from '@rectify/domain';
import { useT, type MessageKey } from '../../i18n';
import { emptyMeasureValues, toFormValues } from '../measure/measureForm';
import { MeasureFormModal } from './MeasureFormModal';
import { SimpleFormModal, type SimpleFormValues } from './SimpleFormModal';
import type { TextDialog, TextNodeKind, TreeDialog, TreeMutations } from './useTreeMutations';
import { useFeedback } from '../../shared/feedback';

/** How each text node kind is asked for: the dialog titles, the field's label, one line or several. */
const textKinds: Record<TextNodeKind, { create: MessageKey; edit: MessageKey; label: MessageKey; multiline: boolean }> = {
  category: { create: 'tree.addCategory', edit: 'tree.editCategory', label: 'tree.field.title', multiline: false },
  problem: { create: 'tree.addProblem', edit: 'tree.editProblem', label: 'tree.field.title', multiline: false },
  manifestation: { create: 'tree.addManifestation', edit: 'tree.editManifestation', label: 'tree.field.text', multiline: true },
};

function textInitial(dialog: TextDialog): SimpleFormValues {
  if (dialog.mode === 'create') return { text: '' };
  const text = dialog.kind === 'manifestation' ? dialog.node.text : dialog.node.title;
  return { text, ordinal: dialog.node.ordinal };
}

interface Props {
  dialog: TreeDialog;
  mutations: TreeMutations;
  /** The round's unit (people and departments added from the pickers belong to it) and its 整改时限 (a new measure's default deadline). */
  organizationId: number | undefined;
  roundDeadline: string | null;
  people: Person[] | undefined;
  departments: Department[] | undefined;
  onClose: () => void;
}

/** The tree's one create/edit dialog, shaped by the node kind it is for. */
export function NodeDialog({ dialog, mutations, organizationId, roundDeadline, people, departments, onClose }: Props) {
  const t = useT();
  const { message } = useFeedback();
  const done = () => {
    message.success(t(dialog.mode === 'create' ? 'common.created' : 'common.saved'));
    onClose();
  };

  if (dialog.kind === 'measure')
    return (
      <MeasureFormModal
        open
        title={t(dialog.mode === 'create' ? 'tree.addMeasure' : 'tree.editMeasure')}
        initial={dialog.mode === 'edit' ? toFormValues(dialog.node) : emptyMeasureValues(roundDeadline)}
        organizationId={organizationId}
        people={people}
        departments={departments}
        manifestations={dialog.problem.manifestations}
        onCancel={onClose}
        onSubmit={async (v) => {
          await mutations.saveMeasure(dialog, v);
          done();
        }}
      />
    );

  const kind = textKinds[dialog.kind];
  return (
    <SimpleFormModal
      open
      title={t(dialog.mode === 'create' ? kind.create : kind.edit)}
      textLabel={t(kind.label)}
      multiline={kind.multiline}
      initial={textInitial(dialog)}
      onCancel={onClose}
      onSubmit={async (v) => {
        await mutations.saveText(dialog, v);
        done();
      }}
    />
  );
}
