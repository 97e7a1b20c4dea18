// The approval page as a platform: GET /goedkeuring/<token> shows the case, POST records the decision.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../src/config/load-config.js';
import type { LinkProblem } from '../../src/external/approval-link.js';
import type { ExternalApprovals } from '../../src/external/external-approvals.js';
import type { Logger } from '../../src/log.js';
import { readBody } from '../../src/server/http-server.js';
import type { PlatformPlugin } from '../../src/server/platform.js';
import { type FormState, type PageShell, renderApprovalPage, renderDonePage, renderProblemPage } from './page.js';
import { type RateLimit, RateLimiter } from './rate-limit.js';

export const PAGE_PATH = '/goedkeuring/';

export interface ExternalPageOptions {
  /** Per client IP address, over every token. */
  perIp?: RateLimit;
  /** Per token, over every address: one leaked link cannot be hammered from many. */
  perToken?: RateLimit;
}

/** A person reads, maybe reloads and switches language; 30 a minute is far above that and far below a flood. */
const DEFAULT_IP: RateLimit = { limit: 30, windowMs: 60_000 };
const DEFAULT_TOKEN: RateLimit = { limit: 20, windowMs: 60_000 };

const STATUS: Record<LinkProblem, number> = {
  tampered: 404,
  unknownCase: 404,
  expired: 410,
  superseded: 410,
  used: 410,
  wrongRound: 410,
  cancelled: 410,
  rejected: 410,
  decided: 410,
};

export function createExternalPage(o: ExternalPageOptions = {}): PlatformPlugin {
  return {
    name: 'external',
    enabled: (config: Config) => config.externalLinks !== undefined,
    async attach(ctx) {
      const external = ctx.external;
      if (!external) throw new Error('the approval page needs PUBLIC_URL');
      const page = new ApprovalPageRoutes(external, ctx.logger, o);
      ctx.server.route('GET', `${PAGE_PATH}*`, (req, res) => page.guarded(req, res, page.get));
      ctx.server.route('POST', `${PAGE_PATH}*`, (req, res) => page.guarded(req, res, page.post));
    },
  };
}

class ApprovalPageRoutes {
  private readonly perIp: RateLimiter;
  private readonly perToken: RateLimiter;

  constructor(
    private readonly external: ExternalApprovals,
    private readonly logger: Logger,
    o: ExternalPageOptions,
  ) {
    this.perIp = new RateLimiter(o.perIp ?? DEFAULT_IP);
    this.perToken = new RateLimiter(o.perToken ?? DEFAULT_TOKEN);
  }

  /**
   * A failure behind the page (the store, the case rules) gets the person a page saying to try again (503) and the
   * log one warn line without a stack; a decision whose recording failed leaves the link usable.
   */
  async guarded(
    req: IncomingMessage,
    res: ServerResponse,
    handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  ): Promise<void> {
    try {
      await handle.call(this, req, res);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.warn({ path: PAGE_PATH, method: req.method, reason }, 'approval page failed');
      if (res.headersSent) return void res.end();
      const nonce = randomBytes(16).toString('base64url');
      const language = asLanguage(new URL(req.url ?? '/', 'http://page').searchParams.get('lang'));
      const shell: PageShell = { language: language ?? browserLanguage(req), styleNonce: nonce };
      send(res, 503, renderProblemPage(shell, 'failed'), nonce);
    }
  }

  /** Shows the case and the form. Reads only: previews and mail scanners open links too. */
  async get(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const r = this.request(req, res);
    if (!r) return;
    const opened = await this.external.open(r.token, r.language);
    if (!opened.ok) return this.problem(res, r.shell(r.fallback(opened)), opened.problem, STATUS[opened.problem]);
    send(res, 200, renderApprovalPage(r.shell(opened.page.language), opened.page, await this.form(r.token)), r.nonce);
  }

  /** Records the decision: only with the CSRF token of a page this service rendered for this link. */
  async post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const r = this.request(req, res);
    if (!r) return;
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let body: URLSearchParams;
    try {
      if (type !== 'application/x-www-form-urlencoded') throw new Error('not a form');
      body = new URLSearchParams(await readBody(req, 16_384));
    } catch {
      this.logger.warn({ path: PAGE_PATH }, 'approval page: request body is not a small form');
      return this.problem(res, r.shell(r.language ?? 'nl'), 'forged', 400);
    }
    const language = asLanguage(body.get('lang')) ?? r.language;
    const shell = r.shell(language ?? 'nl');
    if (!(await this.external.links.csrfValid(r.token, body.get('page') ?? '', body.get('csrf') ?? ''))) {
      this.logger.warn({ path: PAGE_PATH }, 'approval page: missing or wrong CSRF token; nothing recorded');
      return this.problem(res, shell, 'forged', 403);
    }
    const decision = body.get('decision');
    if (decision !== 'approve' && decision !== 'reject') {
      this.logger.warn({ path: PAGE_PATH }, 'approval page: no decision in the form');
      return this.problem(res, shell, 'forged', 400);
    }
    const name = body.get('name') ?? '';
    const reason = body.get('reason') ?? '';
    const result = await this.external.decide(
      r.token,
      {
        decision,
        name,
        reason,
        ip: req.socket.remoteAddress ?? '',
        userAgent: String(req.headers['user-agent'] ?? ''),
      },
      language,
    );
    if (result.ok) return send(res, 200, renderDonePage(r.shell(result.language, false), result.decision), r.nonce);
    if ('problem' in result)
      return this.problem(res, r.shell(r.fallback(result)), result.problem, STATUS[result.problem]);
    const form = { ...(await this.form(r.token)), name, reason, errors: result.invalid };
    send(res, 422, renderApprovalPage(r.shell(result.page.language), result.page, form), r.nonce);
  }

  /** The token and language of a request within its rate limits; undefined when a 429 was sent. */
  private request(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://page');
    const token = url.pathname.slice(PAGE_PATH.length);
    const language = asLanguage(url.searchParams.get('lang'));
    const nonce = randomBytes(16).toString('base64url');
    const ip = req.socket.remoteAddress ?? '-';
    const shell = (lang: 'nl' | 'en', switcher = true): PageShell => ({
      language: lang,
      styleNonce: nonce,
      switchTo: switcher ? `?lang=${lang === 'nl' ? 'en' : 'nl'}` : undefined,
    });
    // Both counts go up on every request, so a flood over many tokens or from many addresses is caught either way.
    const ipOk = this.perIp.allow(ip);
    const tokenOk = this.perToken.allow(token.slice(0, 200));
    if (!ipOk || !tokenOk) {
      this.logger.warn({ path: PAGE_PATH, limit: ipOk ? 'token' : 'ip' }, 'approval page: rate limited');
      res.setHeader(
        'retry-after',
        String(ipOk ? this.perToken.retryAfter(token.slice(0, 200)) : this.perIp.retryAfter(ip)),
      );
      send(res, 429, renderProblemPage(shell(language ?? 'nl', false), 'tooMany'), nonce);
      return undefined;
    }
    // A link that names no case (forged, or its case gone) has no language of its own: the browser's then decides.
    const fallback = (p: { problem: LinkProblem; language: 'nl' | 'en' }) =>
      language ?? (p.problem === 'tampered' || p.problem === 'unknownCase' ? browserLanguage(req) : p.language);
    return { token, language, nonce, shell, fallback };
  }

  private async form(token: string): Promise<FormState> {
    const pageNonce = randomBytes(16).toString('base64url');
    return { pageNonce, csrf: await this.external.links.csrf(token, pageNonce) };
  }

  private problem(
    res: ServerResponse,
    shell: PageShell,
    problem: Parameters<typeof renderProblemPage>[1],
    status: number,
  ) {
    this.logger.warn({ path: PAGE_PATH, problem, status }, 'approval page refused');
    send(res, status, renderProblemPage(shell, problem), shell.styleNonce);
  }
}

function browserLanguage(req: IncomingMessage): 'nl' | 'en' {
  return /^\s*en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'nl';
}

function asLanguage(v: string | null | undefined): 'nl' | 'en' | undefined {
  return v === 'nl' || v === 'en' ? v : undefined;
}

/** Every page: no scripts, nothing from elsewhere, not framed, not cached, the token never sent on as a referrer. */
function send(res: ServerResponse, status: number, body: string, styleNonce: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'content-security-policy': `default-src 'none'; style-src 'nonce-${styleNonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}
