import { enumerationWord, measureStatusLabels, subsectionNumber, type RoundTree } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';

/**
 * Every measure of the round with its whole text, for paper only (hidden on screen): the screen's
 * list is paged and clipped, a printed dashboard must show all of it.
 */
export function PrintMeasureList({ tree }: { tree: RoundTree }) {
  const t = useT();
  const [locale] = useLocale();
  const rows = tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => ({ c, p, m }))));
  return (
    <section className="rectify-print-block" data-testid="print-measure-list" aria-hidden>
      <h2>
        {t('dashboard.measureList')}（{t('dashboard.listTotal', { n: rows.length })}）
      </h2>
      <table className="rectify-print-table">
        <thead>
          <tr>
            <th style={{ width: '22%' }}>{t('dashboard.col.location')}</th>
            <th>{t('dashboard.col.measure')}</th>
            <th style={{ width: '10%' }}>{t('dashboard.col.status')}</th>
            <th style={{ width: '9%' }}>{t('dashboard.col.leader')}</th>
            <th style={{ width: '11%' }}>{t('dashboard.col.department')}</th>
            <th style={{ width: '11%' }}>{t('dashboard.col.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, p, m }) => (
            <tr key={m.id}>
              <td>
                {subsectionNumber(c.ordinal)}
                {c.title}
                <br />
                {p.ordinal}. {p.title}
              </td>
              <td>
                {enumerationWord(m.ordinal)}
                {m.text}
              </td>
              <td>
                {measureStatusLabels[m.status][locale]}
                {m.overdue && (
                  <>
                    <br />
                    {t('dashboard.daysOverdue', { n: m.daysOverdue })}
                  </>
                )}
              </td>
              <td>{m.leader?.name ?? t('common.none')}</td>
              <td>{m.leadDepartment?.name ?? t('common.none')}</td>
              <td>{m.deadline ?? t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
