/** One e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; absent (null) when no SMTP server is configured, and then nothing tries to send. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** What nodemailer's createTransport returns, as far as we use it: injectable in tests. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}
export type TransportFactory = (options: {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}) => MailTransport;

/**
 * nodemailer is loaded with the first e-mail, not at start: most installations send none (no
 * SMTP_HOST), and the module stays resident once loaded (idle RSS: issue 7).
 */
const nodemailerFactory: TransportFactory = (options) => {
  let transport: Promise<MailTransport> | undefined;
  return {
    async sendMail(message) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(options));
      return (await transport).sendMail(message);
    },
  };
};

/**
 * A mailer from SMTP_HOST, SMTP_PORT (587), SMTP_USER, SMTP_PASS, SMTP_FROM (defaults to
 * SMTP_USER); null without SMTP_HOST — the transport factory is then never called.
 */
export function createMailerFromEnv(env: NodeJS.ProcessEnv, factory: TransportFactory = nodemailerFactory): Mailer | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const port = Number(env.SMTP_PORT || 587);
  const user = env.SMTP_USER?.trim();
  const from = env.SMTP_FROM?.trim() || user || `rectify@${host}`;
  const transport = factory({
    host,
    port,
    secure: port === 465,
    ...(user ? { auth: { user, pass: env.SMTP_PASS ?? '' } } : {}),
  });
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
