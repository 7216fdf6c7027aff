import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Layout, Radio, Result, Space, Typography } from 'antd';
import { SATISFACTION_RATINGS, satisfactionLabels, type OpinionSubmit, type PublicView, type SatisfactionRating } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { Loading } from '../../shared/Loading';
import { brand } from '../../app/theme';
import { usePublicView, useSubmitOpinion } from './api';

/** Off-screen, not display:none (some robots skip hidden fields); people never reach it (no tab stop, hidden from screen readers). */
const honeypotStyle = { position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' } as const;

function Report({ report }: { report: PublicView['report'] }) {
  return (
    <div data-testid="public-report" style={{ lineHeight: 1.9, fontSize: 16 }}>
      {report.header && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 4 }}>
          {report.header}
        </Typography.Paragraph>
      )}
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
        {report.title.join('')}
      </Typography.Title>
      {report.paragraphs.map((p, i) =>
        p.kind === 'body' ? (
          <Typography.Paragraph key={i} style={{ textIndent: '2em', marginBottom: 8 }}>
            {p.text}
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph key={i} strong style={{ marginBottom: 8, ...(p.kind === 'heading1' ? { fontSize: 17 } : {}) }}>
            {p.text}
          </Typography.Paragraph>
        ),
      )}
      <Typography.Paragraph style={{ textAlign: 'right', marginBottom: 0 }}>
        {report.signature.unit}
        <br />
        {report.signature.date}
      </Typography.Paragraph>
    </div>
  );
}

interface FormValues {
  content: string;
  name?: string;
  phone?: string;
  rating?: SatisfactionRating | 'none';
  website?: string;
}

function OpinionForm({ token, limits }: { token: string; limits: PublicView['limits'] }) {
  const t = useT();
  const [locale] = useLocale();
  const [form] = Form.useForm<FormValues>();
  const submit = useSubmitOpinion(token);
  const [sent, setSent] = useState(false);

  if (sent) {
    return (
      <div data-testid="public-thanks">
      <Result
        status="success"
        title={t('pub.public.thanks')}
        extra={
          <Button
            onClick={() => {
              form.resetFields();
              submit.reset();
              setSent(false);
            }}
          >
            {t('pub.public.again')}
          </Button>
        }
      />
      </div>
    );
  }
  const onFinish = (values: FormValues) => {
    const body: OpinionSubmit = {
      content: values.content,
      name: values.name?.trim() || null,
      phone: values.phone?.trim() || null,
      rating: values.rating && values.rating !== 'none' ? values.rating : null,
      ...(values.website ? { website: values.website } : {}),
    };
    submit.mutate(body, { onSuccess: () => setSent(true) });
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ rating: 'none' }} data-testid="public-form" requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('pub.public.formIntro')}</Typography.Paragraph>
      <Form.Item
        name="content"
        label={t('pub.public.content')}
        rules={[{ required: true, whitespace: true, message: t('pub.public.contentRequired') }, { max: limits.content }]}
      >
        <Input.TextArea rows={5} maxLength={limits.content} showCount data-testid="public-content" />
      </Form.Item>
      <Form.Item name="rating" label={t('pub.public.rating')}>
        <Radio.Group data-testid="public-rating" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {SATISFACTION_RATINGS.map((r) => (
            <Radio.Button key={r} value={r} style={{ minHeight: 40, lineHeight: '38px' }}>
              {satisfactionLabels[r][locale]}
            </Radio.Button>
          ))}
          <Radio.Button value="none" style={{ minHeight: 40, lineHeight: '38px' }}>
            {t('pub.public.noRating')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="name" label={t('pub.public.name')}>
        <Input maxLength={limits.name} autoComplete="name" data-testid="public-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('pub.public.phone')} rules={[{ pattern: /^[0-9+()\- ]*$/, message: t('pub.public.phoneInvalid') }]}>
        <Input maxLength={limits.phone} inputMode="tel" autoComplete="tel" data-testid="public-phone" />
      </Form.Item>
      <div aria-hidden="true" style={honeypotStyle}>
        <Form.Item name="website" label={t('pub.public.honeypot')}>
          <Input tabIndex={-1} autoComplete="off" />
        </Form.Item>
      </div>
      {submit.isError && <Alert type="error" showIcon message={submit.error.message} style={{ marginBottom: 12 }} data-testid="public-error" />}
      <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="public-submit">
        {t('pub.public.submit')}
      </Button>
    </Form>
  );
}

/**
 * 群众监督: the page citizens open from the QR code on a notice board, with no account — the round,
 * its published report, and the form for opinions and a satisfaction rating. Phones first.
 */
export default function PublicPage() {
  const t = useT();
  const token = useParams().token ?? '';
  const view = usePublicView(token);

  let body;
  if (view.isPending) body = <Loading />;
  else if (view.isError)
    body = (
      <div data-testid="public-invalid">
        <Result status="404" title={t('pub.public.notFound')} />
      </div>
    );
  else
    body = (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }} data-testid="public-unit">
            {view.data.unitName}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="public-round">
            {view.data.title}
          </Typography.Text>
        </Card>
        <Card title={t('pub.public.form')} id="opinion">
          <OpinionForm token={token} limits={view.data.limits} />
        </Card>
        <Card title={t('pub.public.report')} styles={{ body: { paddingInline: 16 } }}>
          <Report report={view.data.report} />
        </Card>
      </Space>
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, background: brand.primary, paddingInline: 16 }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('pub.title')}</Typography.Text>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 760, margin: '0 auto', padding: 12 }}>{body}</Layout.Content>
    </Layout>
  );
}
