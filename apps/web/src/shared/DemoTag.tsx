import { useT } from '../i18n';

/** 演示数据: marks the demo round wherever its name shows. */
export function DemoTag() {
  const t = useT();
  // Plain markup with antd's Tag look (.rectify-demo-tag): the dashboard's title shows it, and
  // antd's Tag was the only reason its first chunks carried Tag's code and styles.
  return <span className="rectify-demo-tag">{t('common.demo')}</span>;
}
