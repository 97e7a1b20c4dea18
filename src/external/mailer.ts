// Sends an outside approver the ready-to-send text by e-mail over SMTP (SMTP_URL), when the firm lets the assistant.
import { createTransport } from 'nodemailer';

export interface ApprovalMail {
  to: string;
  subject: string;
  /** Plain text: no markup, no HTML, so nothing in it needs escaping for a mail client. */
  text: string;
  language: 'nl' | 'en';
}

export interface Mailer {
  send(mail: ApprovalMail): Promise<void>;
  close(): void;
}

/** One pooled transport per process; its URL holds the credentials and is never logged. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Content-Language': mail.language },
      });
    },
    close: () => transport.close(),
  };
}
