import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { insertAt, move, removeAt, replaceAt, type ReviewItem } from './review';

export function MoveButtons({
  index,
  count,
  onMove,
  onRemove,
  testId,
}: {
  index: number;
  count: number;
  onMove: (delta: number) => void;
  onRemove: () => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <Space.Compact size="small" data-testid={testId}>
      <Tooltip title={t('textImport.moveUp')}>
        <Button icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('textImport.moveUp')} data-testid="move-up" />
      </Tooltip>
      <Tooltip title={t('textImport.moveDown')}>
        <Button icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('textImport.moveDown')} data-testid="move-down" />
      </Tooltip>
      <Tooltip title={t('textImport.remove')}>
        <Button danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('textImport.remove')} data-testid="remove" />
      </Tooltip>
    </Space.Compact>
  );
}

interface Props {
  items: ReviewItem[];
  onChange: (items: ReviewItem[]) => void;
  /** The label before each item: 一是, 1., 《…》. */
  marker: (index: number) => string;
  addLabel: string;
  newItem: () => ReviewItem;
  testId: string;
  multiline?: boolean;
}

/** A list of texts to edit in place: change, move up/down, remove, add. */
export function ItemListEditor({ items, onChange, marker, addLabel, newItem, testId, multiline = true }: Props) {
  const t = useT();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {items.map((item, i) => (
        <div key={item.key} data-testid={testId} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <Typography.Text type="secondary" style={{ flex: 'none', width: 48, paddingTop: 5, textAlign: 'right', fontSize: 13, lineHeight: 1.3 }}>
            {marker(i)}
            {item.line !== undefined && item.line > 0 && (
              // Where it was read, so the office can check it against the source.
              <span style={{ display: 'block', fontSize: 11 }} data-testid="item-line">
                {t('textImport.itemLine', { n: item.line })}
              </span>
            )}
          </Typography.Text>
          {multiline ? (
            <Input.TextArea
              value={item.text}
              autoSize={{ minRows: 1, maxRows: 6 }}
              placeholder={t('textImport.textPlaceholder')}
              status={item.text.trim() ? undefined : 'warning'}
              onChange={(e) => onChange(replaceAt(items, i, { ...item, text: e.target.value }))}
              style={{ flex: 1 }}
            />
          ) : (
            <Input
              value={item.text}
              placeholder={t('textImport.textPlaceholder')}
              onChange={(e) => onChange(replaceAt(items, i, { ...item, text: e.target.value }))}
              style={{ flex: 1 }}
            />
          )}
          <MoveButtons index={i} count={items.length} onMove={(d) => onChange(move(items, i, d))} onRemove={() => onChange(removeAt(items, i))} />
        </div>
      ))}
      <div style={{ paddingLeft: 56 }}>
        <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onChange(insertAt(items, newItem()))} data-testid={`${testId}-add`}>
          {addLabel}
        </Button>
      </div>
    </div>
  );
}
