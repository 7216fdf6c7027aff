import { useState, type ReactElement } from 'react';
import { Button, Divider, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Department, Person } from '@rectify/domain';
import { useT } from '../../i18n';
import { DepartmentFormModal, PersonFormModal, personLabel, staffOptions } from './StaffForms';

interface Common {
  organizationId: number | undefined;
  people: readonly Person[] | undefined;
  departments: readonly Department[] | undefined;
  loading?: boolean;
  /** The account may create people and departments: offer "add" at the foot of the list. */
  canAdd: boolean;
  id?: string;
  'data-testid'?: string;
}

function AddFooter({ menu, label, onAdd, testId }: { menu: ReactElement; label: string; onAdd: () => void; testId: string }) {
  return (
    <>
      {menu}
      <Divider style={{ margin: '4px 0' }} />
      <Button
        type="text"
        block
        icon={<PlusOutlined />}
        style={{ textAlign: 'left', minHeight: 40 }}
        // Keep the focus in the select until the click lands (a blur would close the list first).
        onMouseDown={(e) => e.preventDefault()}
        onClick={onAdd}
        data-testid={testId}
      >
        {label}
      </Button>
    </>
  );
}

/** 责任领导 / person picker that can add the missing person on the spot (name typed so far prefilled). */
export function PersonPicker({
  organizationId, people, departments, loading, canAdd, value, onChange, id, ...rest
}: Common & { value?: number | null; onChange?: (value: number | null) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Select<number | null>
        id={id}
        data-testid={rest['data-testid']}
        allowClear
        showSearch
        loading={loading}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v ?? null)}
        onSearch={setSearch}
        optionFilterProp="label"
        placeholder={t('measure.selectPlaceholder')}
        options={staffOptions(people, personLabel, t('people.inactive'))}
        popupRender={
          canAdd && organizationId
            ? (menu) => (
                <AddFooter
                  menu={menu}
                  testId="picker-add-person"
                  label={search.trim() ? t('people.addNamed', { name: search.trim() }) : t('people.addPerson')}
                  onAdd={() => setAdding(true)}
                />
              )
            : undefined
        }
      />
      {organizationId && (
        <PersonFormModal
          open={adding}
          organizationId={organizationId}
          initialName={search.trim()}
          departments={departments}
          onClose={() => setAdding(false)}
          onSaved={(p) => onChange?.(p.id)}
        />
      )}
    </>
  );
}

type DepartmentValue = number | null | number[];

/** 科室 picker (one, or several for 配合科室) that can add the missing department on the spot. */
export function DepartmentPicker({
  organizationId, people, departments, loading, canAdd, value, onChange, multiple, id, ...rest
}: Common & { multiple?: boolean; value?: DepartmentValue; onChange?: (value: DepartmentValue) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const added = (d: Department) => {
    if (multiple) onChange?.([...((value as number[] | undefined) ?? []), d.id]);
    else onChange?.(d.id);
  };
  return (
    <>
      <Select<DepartmentValue>
        id={id}
        data-testid={rest['data-testid']}
        mode={multiple ? 'multiple' : undefined}
        allowClear
        showSearch
        loading={loading}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v ?? (multiple ? [] : null))}
        onSearch={setSearch}
        optionFilterProp="label"
        placeholder={t('measure.selectPlaceholder')}
        options={staffOptions(departments, (d) => d.name, t('people.inactive'))}
        popupRender={
          canAdd && organizationId
            ? (menu) => (
                <AddFooter
                  menu={menu}
                  testId="picker-add-department"
                  label={search.trim() ? t('people.addNamed', { name: search.trim() }) : t('people.addDepartment')}
                  onAdd={() => setAdding(true)}
                />
              )
            : undefined
        }
      />
      {organizationId && (
        <DepartmentFormModal
          open={adding}
          organizationId={organizationId}
          initialName={search.trim()}
          people={people}
          onClose={() => setAdding(false)}
          onSaved={added}
        />
      )}
    </>
  );
}
