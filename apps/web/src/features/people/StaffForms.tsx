import { useEffect, useEffectEvent, useId } from 'react';
import { Form, Input, Select } from 'antd';
import type { Department, Person } from '@rectify/domain';
import { useT } from '../../i18n';
import { SaveModal, useSaving } from '../../shared/SaveModal';
import { useCreateDepartment, useCreatePerson, useUpdateDepartment, useUpdatePerson } from './api';

/** Options of a picker: inactive entries stay visible (an old measure may name them) but cannot be chosen. */
export function staffOptions<T extends { id: number; name: string; active: boolean }>(rows: readonly T[] | undefined, label: (row: T) => string, inactive: string) {
  return (rows ?? []).map((r) => ({ value: r.id, label: r.active ? label(r) : `${label(r)}（${inactive}）`, disabled: !r.active }));
}

export const personLabel = (p: Pick<Person, 'name' | 'title'>) => (p.title ? `${p.name}（${p.title}）` : p.name);

interface StaffFormOptions<V, Saved> {
  open: boolean;
  /** The form's values when the dialog opens: the row edited, or a new one. */
  initial: () => V;
  /** Creates or updates; its answer goes to onSaved. */
  save: (values: V) => Promise<Saved>;
  onSaved?: (saved: Saved) => void;
  onClose: () => void;
}

/** What the person and department dialogs share: a form filled when the dialog opens, saved, then closed. */
function useStaffForm<V extends object, Saved>({ open, initial, save, onSaved, onClose }: StaffFormOptions<V, Saved>) {
  const [form] = Form.useForm<V>();
  // Several of these forms can sit in one page (pickers, the page's own): their field ids must differ.
  const formId = useId().replace(/[^a-zA-Z0-9]/g, '');
  const saving = useSaving(async (values: V) => {
    const saved = await save(values);
    onSaved?.(saved);
    onClose();
  });
  // Fill the form from the row (or typed name) of the moment it opens.
  const fillOnOpen = useEffectEvent(() => {
    saving.clearError();
    form.resetFields();
    form.setFieldsValue(initial() as Parameters<typeof form.setFieldsValue>[0]);
  });
  useEffect(() => {
    if (open) fillOnOpen();
  }, [open]);
  return { form, formId, saving };
}

interface PersonValues {
  name: string;
  title?: string | null;
  departmentId?: number | null;
}

interface PersonModalProps {
  open: boolean;
  organizationId: number;
  /** Absent: a new person. */
  person?: Person;
  /** A name typed in a picker before "add" was chosen. */
  initialName?: string;
  departments: readonly Department[] | undefined;
  onClose: () => void;
  onSaved?: (person: Person) => void;
}

/** Adds or edits a person of a unit: name, title (职务) and department. */
export function PersonFormModal({ open, organizationId, person, initialName, departments, onClose, onSaved }: PersonModalProps) {
  const t = useT();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const { form, formId, saving } = useStaffForm<PersonValues, Person>({
    open,
    onClose,
    onSaved,
    initial: () =>
      person
        ? { name: person.name, title: person.title, departmentId: person.department?.id ?? null }
        : { name: initialName ?? '', title: null, departmentId: null },
    save: (v) => {
      const body = { name: v.name, title: v.title?.trim() || null, departmentId: v.departmentId ?? null };
      return person ? update.mutateAsync({ id: person.id, body: { version: person.version, ...body } }) : create.mutateAsync({ organizationId, ...body });
    },
  });

  return (
    <SaveModal
      open={open}
      title={person ? t('people.editPerson', { name: person.name }) : t('people.addPerson')}
      width={520}
      saving={saving.saving}
      error={saving.error}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<PersonValues> form={form} name={`person${formId}`} layout="vertical" onFinish={(v) => void saving.run(v)} data-testid="person-form">
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="title" label={t('people.title')}>
          <Input maxLength={100} autoComplete="off" placeholder={t('people.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('people.department')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('measure.selectPlaceholder')}
            options={staffOptions(departments, (d) => d.name, t('people.inactive'))}
          />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

interface DepartmentValues {
  name: string;
  headId?: number | null;
}

interface DepartmentModalProps {
  open: boolean;
  organizationId: number;
  department?: Department;
  initialName?: string;
  people: readonly Person[] | undefined;
  onClose: () => void;
  onSaved?: (department: Department) => void;
}

/** Adds or edits a department (科室) of a unit: its name and who leads it. */
export function DepartmentFormModal({ open, organizationId, department, initialName, people, onClose, onSaved }: DepartmentModalProps) {
  const t = useT();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const { form, formId, saving } = useStaffForm<DepartmentValues, Department>({
    open,
    onClose,
    onSaved,
    initial: () => (department ? { name: department.name, headId: department.head?.id ?? null } : { name: initialName ?? '', headId: null }),
    save: (v) => {
      const body = { name: v.name, headId: v.headId ?? null };
      return department
        ? update.mutateAsync({ id: department.id, body: { version: department.version, ...body } })
        : create.mutateAsync({ organizationId, ...body });
    },
  });

  return (
    <SaveModal
      open={open}
      title={department ? t('people.editDepartment', { name: department.name }) : t('people.addDepartment')}
      width={520}
      saving={saving.saving}
      error={saving.error}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<DepartmentValues> form={form} name={`department${formId}`} layout="vertical" onFinish={(v) => void saving.run(v)} data-testid="department-form">
        <Form.Item name="name" label={t('people.departmentName')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="headId" label={t('people.head')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('measure.selectPlaceholder')}
            options={staffOptions(people, personLabel, t('people.inactive'))}
          />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
