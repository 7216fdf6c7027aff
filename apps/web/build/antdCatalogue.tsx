import type { ReactElement } from 'react';
import type * as Antd from 'antd';

type AntdModule = typeof Antd;

/**
 * Every antd component the app imports, drawn once so that its styles are registered (with the
 * variants that register styles of their own: compact spaces, multiple selects, circle progress…).
 * `build/antdStaticStyle.ts` renders these at build time; a test fails when src/ imports an antd
 * component that is missing here (it would still work, with its styles made in the browser).
 */
export const antdCatalogue: Record<string, (A: AntdModule) => ReactElement> = {
  Alert: (A) => <A.Alert message="x" description="x" showIcon closable />,
  Badge: (A) => <A.Badge count={1} />,
  Breadcrumb: (A) => <A.Breadcrumb items={[{ title: 'x' }, { title: 'y' }]} />,
  Button: (A) => (
    <A.Space.Compact>
      <A.Button type="primary" danger>
        x
      </A.Button>
    </A.Space.Compact>
  ),
  Card: (A) => <A.Card title="x" extra="x" tabList={[{ key: 'a', tab: 'a' }]} />,
  Checkbox: (A) => <A.Checkbox.Group options={['a']} />,
  Col: (A) => <A.Col span={12} />,
  ConfigProvider: (A) => <A.ConfigProvider />,
  DatePicker: (A) => (
    <>
      <A.DatePicker />
      <A.DatePicker.RangePicker />
    </>
  ),
  Descriptions: (A) => <A.Descriptions bordered items={[{ key: 'a', label: 'a', children: 'x' }]} />,
  Divider: (A) => <A.Divider />,
  Drawer: (A) => <A.Drawer open />,
  Dropdown: (A) => (
    <A.Dropdown menu={{ items: [{ key: 'a', label: 'a' }] }} open>
      <span>x</span>
    </A.Dropdown>
  ),
  Empty: (A) => (
    <>
      <A.Empty />
      <A.Empty image={A.Empty.PRESENTED_IMAGE_SIMPLE} />
    </>
  ),
  Form: (A) => (
    <A.Form>
      <A.Form.Item label="x" help="x" validateStatus="error">
        <A.Input />
      </A.Form.Item>
    </A.Form>
  ),
  Grid: (A) => <A.Row />,
  Input: (A) => (
    <>
      <A.Input />
      <A.Input.TextArea showCount />
      <A.Input.Search />
      <A.Input.Password />
    </>
  ),
  InputNumber: (A) => <A.InputNumber />,
  Layout: (A) => (
    <A.Layout>
      <A.Layout.Sider />
      <A.Layout.Header />
      <A.Layout.Content />
      <A.Layout.Footer />
    </A.Layout>
  ),
  List: (A) => <A.List dataSource={[1]} renderItem={() => <A.List.Item actions={['x']}>x</A.List.Item>} />,
  Menu: (A) => <A.Menu items={[{ key: 'a', label: 'a' }]} />,
  Modal: (A) => <A.Modal open title="x" />,
  Popconfirm: (A) => (
    <A.Popconfirm title="x" open>
      <span>x</span>
    </A.Popconfirm>
  ),
  Popover: (A) => (
    <A.Popover content="x" open>
      <span>x</span>
    </A.Popover>
  ),
  Progress: (A) => (
    <>
      <A.Progress percent={10} />
      <A.Progress type="circle" percent={10} />
    </>
  ),
  Radio: (A) => <A.Radio.Group options={['a']} optionType="button" />,
  Result: (A) => <A.Result title="x" />,
  Row: (A) => <A.Row gutter={16} />,
  Segmented: (A) => <A.Segmented options={['a', 'b']} />,
  Select: (A) => (
    <>
      <A.Select options={[]} />
      <A.Select mode="multiple" options={[]} />
    </>
  ),
  Skeleton: (A) => <A.Skeleton active />,
  Slider: (A) => <A.Slider />,
  Space: (A) => <A.Space wrap>x</A.Space>,
  Spin: (A) => <A.Spin />,
  Statistic: (A) => <A.Statistic value={1} />,
  Steps: (A) => <A.Steps items={[{ title: 'x' }]} />,
  Switch: (A) => <A.Switch />,
  Table: (A) => <A.Table columns={[{ title: 'a', dataIndex: 'a' }]} dataSource={[{ a: 1, key: 1 }]} rowSelection={{}} pagination={{ total: 100 }} />,
  Tabs: (A) => <A.Tabs items={[{ key: 'a', label: 'a', children: 'x' }]} />,
  Tag: (A) => (
    <>
      <A.Tag>x</A.Tag>
      <A.Tag color="blue">x</A.Tag>
      <A.Tag color="success">x</A.Tag>
    </>
  ),
  Timeline: (A) => <A.Timeline items={[{ children: 'x' }]} />,
  Tooltip: (A) => (
    <A.Tooltip title="x" open>
      <span>x</span>
    </A.Tooltip>
  ),
  Tree: (A) => <A.Tree treeData={[{ key: 'a', title: 'a' }]} />,
  Typography: (A) => (
    <A.Typography>
      <A.Typography.Title>x</A.Typography.Title>
      <A.Typography.Paragraph>x</A.Typography.Paragraph>
      <A.Typography.Text>x</A.Typography.Text>
      <A.Typography.Link>x</A.Typography.Link>
    </A.Typography>
  ),
  Upload: (A) => (
    <>
      <A.Upload>x</A.Upload>
      <A.Upload.Dragger>x</A.Upload.Dragger>
    </>
  ),
};
