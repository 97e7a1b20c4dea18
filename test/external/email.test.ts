// With SMTP_URL, the requester can have the assistant e-mail an outside approver their current link: tested through
// Slack against a real SMTP server on loopback (smtp-server), with authentication, language, subject and link.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createExternalPage } from '../../adapters/external/plugin.js';
import { createSlackAdapter } from '../../adapters/slack/plugin.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PUBLIC_URL } from '../helpers/external.js';
import { BOT, FakeSlackApi } from '../helpers/fake-slack-api.js';
import { type CapturedLog, captureLog } from '../helpers/log-capture.js';
import { buttonsOf, CHANNEL, PEOPLE, VALID_START } from '../helpers/slack-app.js';
import { SIGNING_SECRET, SlackSender } from '../helpers/slack-requests.js';

const PASSWORD = 'smtp-wachtwoord-9f3k';
const EMAIL = 'karin@example.nl';

interface Received {
  from: string;
  to: string[];
  user?: string;
  raw: string;
}

/** A local SMTP server that asks for a login and keeps what it receives; `refuse` makes it reject recipients. */
async function smtpServer(o: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'overname' && auth.password === PASSWORD) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, cb) {
      cb(o.refuse ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://overname:${PASSWORD}@127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The text part of a simple message, quoted-printable decoded, and its headers. */
function parse(raw: string): { headers: string; body: string } {
  const [headers = '', ...rest] = raw.split('\r\n\r\n');
  let body = rest.join('\r\n\r\n');
  if (/content-transfer-encoding: quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  // Unfolded, one header a line: long subjects are folded over lines by the sender.
  return { headers: headers.replace(/\r\n[ \t]+/g, ' ').replace(/\r\n/g, '\n'), body };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function start(smtpUrl: string, log: CapturedLog, language: 'nl' | 'en' = 'nl') {
  const fake = await FakeSlackApi.start({ users: Object.values(PEOPLE) });
  const adapter = createSlackAdapter();
  const app: TestApp = await startTestApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PUBLIC_URL,
      SMTP_URL: smtpUrl,
      SMTP_FROM: 'overname@kantoor.example',
      LOG_LEVEL: 'info',
    },
    { platforms: [adapter, createExternalPage()], logger: log.logger },
  );
  closers.push(async () => {
    await app.close();
    await fake.close();
  });
  const slack = new SlackSender(app.url, fake);
  const r = await app.engine.submitStart({
    platform: 'slack',
    workspace: BOT.team,
    conversation: CHANNEL,
    user: { platform: 'slack', id: PEOPLE.requester.id, name: PEOPLE.requester.real_name },
    locale: language === 'en' ? 'en-US' : 'nl-NL',
    values: {
      ...VALID_START,
      client: '',
      clientExternalName: 'Karin Bakker',
      clientExternalEmail: EMAIL,
      newEnvironmentAdmin: PEOPLE.requester.id,
    },
    names: Object.fromEntries(Object.values(PEOPLE).map((p) => [p.id, p.real_name])),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const ts = (await app.engine.repo.messageId(r.caseId, 'case'))!;
  const press = async (user: string) => {
    await slack.action({ user, actionId: 'send_email:client', value: r.caseId, channel: CHANNEL, messageTs: ts });
    await adapter.idle();
    return fake.ephemerals.filter((e) => e.user === user).at(-1)?.text ?? '';
  };
  const privateLink = () => {
    const note = fake.ephemerals.find(
      (e) => e.user === PEOPLE.requester.id && /goedkeuring/.test(JSON.stringify(e.blocks)),
    )!;
    return /<https:\/\/overname\.example\.nl(\/goedkeuring\/[A-Za-z0-9_.-]+)\|/.exec(JSON.stringify(note.blocks))![1]!;
  };
  return { app, fake, ts, caseId: r.caseId, press, privateLink };
}

describe('e-mailing the link to an outside approver', () => {
  it('sends the ready-to-send text with the current link, in the case language, logging no secret', async () => {
    const smtp = await smtpServer();
    closers.push(smtp.close);
    const log = captureLog();
    const { app, fake, ts, press, privateLink } = await start(smtp.url, log);
    const message = fake.channelMessages(CHANNEL).find((m) => m.ts === ts)!;
    expect(buttonsOf(message.blocks).map(([id]) => id)).toContain('send_email:client');

    expect(await press(PEOPLE.requester.id)).toContain(`De link is per e-mail naar Karin Bakker (${EMAIL}) gestuurd.`);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.user).toBe('overname');
    expect(mail!.to).toEqual([EMAIL]);
    expect(mail!.from).toBe('overname@kantoor.example');
    const { headers, body } = parse(mail!.raw);
    expect(headers).toMatch(/^Subject: Verzoek om akkoord: overzetten administratie Bakkerij De Korst B\.V\.$/m);
    expect(headers).toMatch(/^Content-Language: nl$/m);
    expect(body).toContain('Beste Karin Bakker,');
    expect(body).toContain('werkt één keer');
    // The same link the requester got privately: e-mailing does not kill a link that may have been passed on.
    const path = privateLink();
    expect(body).toContain(`${PUBLIC_URL}${path}`);
    expect((await fetch(`${app.url}${path}`)).status).toBe(200);
    const logged = JSON.stringify(log.lines);
    expect(logged).toContain('approval link e-mailed');
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain(EMAIL);
  });

  it('writes in English for an English case', async () => {
    const smtp = await smtpServer();
    closers.push(smtp.close);
    const { press } = await start(smtp.url, captureLog(), 'en');
    expect(await press(PEOPLE.requester.id)).toContain('The link was e-mailed to Karin Bakker');
    const { headers, body } = parse(smtp.received[0]!.raw);
    expect(headers).toMatch(/^Subject: Approval requested: moving the administration of Bakkerij De Korst B\.V\.$/m);
    expect(headers).toMatch(/^Content-Language: en$/m);
    expect(body).toContain('Dear Karin Bakker,');
  });

  it('refuses anyone but the requester privately and sends nothing', async () => {
    const smtp = await smtpServer();
    closers.push(smtp.close);
    const { press } = await start(smtp.url, captureLog());
    expect(await press(PEOPLE.outsider.id)).toContain('Alleen de aanvrager');
    expect(smtp.received).toEqual([]);
  });

  it('says so politely when the mail server refuses, with one warn line and no secret', async () => {
    const smtp = await smtpServer({ refuse: true });
    closers.push(smtp.close);
    const log = captureLog();
    const { press } = await start(smtp.url, log);
    log.clear();
    expect(await press(PEOPLE.requester.id)).toContain('De e-mail kon niet worden verstuurd');
    expect(log.warnings().map((l) => l.msg)).toEqual(['approval link could not be e-mailed']);
    expect(JSON.stringify(log.lines)).not.toContain(PASSWORD);
    expect(JSON.stringify(log.lines)).not.toContain('    at ');
  });
});
