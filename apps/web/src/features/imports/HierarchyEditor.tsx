import { memo } from 'react';
import { Button, Card, Input, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { enumerationWord, subsectionNumber } from '@rectify/domain';
import { useT } from '../../i18n';
import { ItemListEditor, MoveButtons } from './ItemListEditor';
import {
  emptyCategory,
  emptyItem,
  emptyProblem,
  insertAt,
  move,
  removeAt,
  replaceAt,
  type ReviewCategory,
  type ReviewProblem,
} from './review';

const ProblemEditor = memo(function ProblemEditor({
  problem,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  problem: ReviewProblem;
  index: number;
  count: number;
  onChange: (p: ReviewProblem) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div data-testid="review-problem" style={{ border: '1px solid #e5e8ee', borderRadius: 4, padding: '10px 12px', background: '#fafbfc' }}>
      {/* On a phone the line and the buttons wrap below the title instead of squeezing it. */}
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong style={{ flex: 'none', width: 44, textAlign: 'right' }}>
          {index + 1}.
        </Typography.Text>
        <Input
          value={problem.title}
          placeholder={t('textImport.titlePlaceholder')}
          status={problem.title.trim() ? undefined : 'error'}
          onChange={(e) => onChange({ ...problem, title: e.target.value })}
          style={{ flex: '1 1 200px', minWidth: 0, fontWeight: 500 }}
          data-testid="problem-title"
          aria-label={`${t('textImport.problem')} ${index + 1}`}
        />
        {!problem.numbered && (
          <Tag color="orange" style={{ margin: 0 }} data-testid="unnumbered">
            {t('textImport.unnumbered')}
          </Tag>
        )}
        {problem.line > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
            {t('textImport.fromLine', { n: problem.line })}
          </Typography.Text>
        )}
        <MoveButtons index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div style={{ paddingLeft: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '0 0 4px 52px' }}>
          {t('textImport.measures')}
        </Typography.Text>
        <ItemListEditor
          items={problem.measures}
          onChange={(measures) => onChange({ ...problem, measures })}
          marker={(i) => enumerationWord(i + 1)}
          addLabel={t('textImport.addMeasure')}
          newItem={() => emptyItem('m')}
          testId="review-measure"
        />
        {problem.manifestations.length > 0 ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '10px 0 4px 52px' }}>
              {t('textImport.manifestations')}
            </Typography.Text>
            <ItemListEditor
              items={problem.manifestations}
              onChange={(manifestations) => onChange({ ...problem, manifestations })}
              marker={(i) => `(${i + 1})`}
              addLabel={t('textImport.addManifestation')}
              newItem={() => emptyItem('f')}
              testId="review-manifestation"
            />
          </>
        ) : (
          <div style={{ paddingLeft: 52, marginTop: 6 }}>
            <Button
              size="small"
              type="link"
              icon={<PlusOutlined />}
              style={{ padding: 0 }}
              onClick={() => onChange({ ...problem, manifestations: [emptyItem('f')] })}
            >
              {t('textImport.addManifestation')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
});

const CategoryEditor = memo(function CategoryEditor({
  category,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  category: ReviewCategory;
  index: number;
  count: number;
  onChange: (c: ReviewCategory) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const problems = category.problems;
  const setProblems = (next: ReviewProblem[]) => onChange({ ...category, problems: next });
  return (
    <Card
      size="small"
      data-testid="review-category"
      style={{ borderLeft: '3px solid #1a4b8c' }}
      title={
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '6px 0' }}>
          <Typography.Text strong style={{ flex: 'none' }}>
            {subsectionNumber(index + 1)}
          </Typography.Text>
          <Input
            value={category.title}
            placeholder={t('textImport.titlePlaceholder')}
            status={category.title.trim() ? undefined : 'error'}
            onChange={(e) => onChange({ ...category, title: e.target.value })}
            style={{ fontWeight: 600 }}
            data-testid="category-title"
            aria-label={`${t('textImport.category')} ${index + 1}`}
          />
        </div>
      }
      extra={
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginLeft: 8 }}>
          {category.line > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('textImport.fromLine', { n: category.line })}
            </Typography.Text>
          )}
          <MoveButtons index={index} count={count} onMove={onMove} onRemove={onRemove} />
        </div>
      }
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {problems.map((p, pi) => (
          <ProblemEditor
            key={p.key}
            problem={p}
            index={pi}
            count={problems.length}
            onChange={(next) => setProblems(replaceAt(problems, pi, next))}
            onMove={(d) => setProblems(move(problems, pi, d))}
            onRemove={() => setProblems(removeAt(problems, pi))}
          />
        ))}
        <div>
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => setProblems(insertAt(problems, emptyProblem()))} data-testid="add-problem">
            {t('textImport.addProblem')}
          </Button>
        </div>
      </div>
    </Card>
  );
});

/** The categories → problems → measures of the review, each editable in place. */
export function HierarchyEditor({ categories, onChange }: { categories: ReviewCategory[]; onChange: (next: ReviewCategory[]) => void }) {
  const t = useT();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="review-hierarchy">
      {categories.map((c, ci) => (
        <CategoryEditor
          key={c.key}
          category={c}
          index={ci}
          count={categories.length}
          onChange={(next) => onChange(replaceAt(categories, ci, next))}
          onMove={(d) => onChange(move(categories, ci, d))}
          onRemove={() => onChange(removeAt(categories, ci))}
        />
      ))}
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => onChange(insertAt(categories, emptyCategory()))} data-testid="add-category">
        {t('textImport.addCategory')}
      </Button>
    </div>
  );
}
