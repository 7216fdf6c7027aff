import { Button, Dropdown } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined, RightOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { documentsPath, ledgerUrl, type LedgerFilters } from './exportLinks';
import { useDownload } from './useDownload';

/** "Export this list": the ledger of exactly the measures a filtered list shows. */
export function ExportListButton({ roundId, filters }: { roundId: number; filters: LedgerFilters }) {
  const t = useT();
  const navigate = useNavigate();
  const { busy, download } = useDownload();
  const get = (format: 'xlsx' | 'csv' | 'json') => void download(`ledger-${format}`, ledgerUrl(roundId, format, filters), `ledger.${format}`);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', icon: <FileExcelOutlined />, label: <span data-testid="export-list-xlsx">{t('docs.excel')}</span>, onClick: () => get('xlsx') },
          { key: 'csv', icon: <FileTextOutlined />, label: t('docs.csv'), onClick: () => get('csv') },
          { key: 'json', icon: <FileTextOutlined />, label: t('docs.json'), onClick: () => get('json') },
          { type: 'divider' },
          {
            key: 'more',
            icon: <RightOutlined />,
            label: <span data-testid="export-list-more">{t('docs.moreExports')}</span>,
            onClick: () => void navigate(documentsPath(roundId, filters)),
          },
        ],
      }}
    >
      <Button size="small" icon={<DownloadOutlined />} loading={busy !== null} title={t('docs.exportListHint')} data-testid="export-list">
        {t('docs.exportList')}
      </Button>
    </Dropdown>
  );
}
