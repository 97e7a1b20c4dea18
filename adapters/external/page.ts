// Renders the approval page as HTML: every field escaped once here, no scripts, one inline stylesheet under a nonce.
import escapeHtml from 'escape-html';
import { REASON_MAX } from '../../src/dialog/forms.js';
import type { LinkProblem } from '../../src/external/approval-link.js';
import { type ApprovalPage, NAME_MAX } from '../../src/external/external-approvals.js';
import { messages } from '../../src/i18n/messages.js';

/** Tagged template: every interpolated value is escaped, unless it is already Html. */
class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}
function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const part = (v: unknown): string =>
    v instanceof Html ? v.text : Array.isArray(v) ? v.map(part).join('') : escapeHtml(String(v ?? ''));
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f5f5f7}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
h1{font-size:1.4rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #8a8a8e;border-radius:6px}
textarea{min-height:6rem}
input:focus,textarea:focus,button:focus,a:focus{outline:3px solid #0a66c2;outline-offset:2px}
.buttons{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.25rem}
button{font:inherit;font-weight:600;padding:.75rem 1.5rem;border-radius:6px;border:0;cursor:pointer;min-width:9rem}
.approve{background:#1a7f37;color:#fff}.reject{background:#fff;color:#b42318;border:2px solid #b42318}
.error{color:#b42318;font-weight:600;margin:.25rem 0}
.small{font-size:.9rem;color:#555}
.lang{text-align:right;margin:0}
@media (max-width:30rem){dl{grid-template-columns:1fr}dt{margin-top:.5rem}button{width:100%}}
`;

export interface PageShell {
  language: 'nl' | 'en';
  /** The nonce the Content-Security-Policy allows for the one inline stylesheet. */
  styleNonce: string;
  /** Link to the other language, or none on pages after a decision. */
  switchTo?: string;
}

function shell(s: PageShell, title: string, body: Html): string {
  const other = s.language === 'nl' ? 'en' : 'nl';
  const m = messages(s.language).external.page;
  const switcher =
    s.switchTo !== undefined
      ? html`<p class="lang"><a href="${s.switchTo}" lang="${other}" hreflang="${other}">${m.otherLanguage}</a></p>`
      : '';
  return html`<!doctype html>
<html lang="${s.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style nonce="${s.styleNonce}">${new Html(STYLE)}</style>
</head>
<body>
<main>
${switcher}
${body}
</main>
</body>
</html>
`.text;
}

export interface FormState {
  /** The page nonce and its CSRF token, carried back by the POST. */
  pageNonce: string;
  csrf: string;
  /** What was typed, on a page shown again after a missing field. */
  name?: string;
  reason?: string;
  errors?: { name?: string; reason?: string };
}

export function renderApprovalPage(s: PageShell, page: ApprovalPage, form: FormState): string {
  const m = messages(page.language);
  const p = m.external.page;
  const roleInText = m.roleInText[page.role];
  const error = (id: string, text?: string) =>
    text ? html`<p class="error" id="${id}-error" role="alert">${text}</p>` : '';
  const described = (id: string, text?: string) =>
    text ? html` aria-invalid="true" aria-describedby="${id}-error"` : '';
  const body = html`<h1>${p.title}</h1>
<p>${p.intro(page.requester, page.clientName, roleInText)}</p>
<dl>
<dt>${p.client}</dt><dd>${page.clientName}</dd>
<dt>${m.card.administrations(page.administrations.length)}</dt><dd>${page.administrations.join(', ')}</dd>
<dt>${m.card.move}</dt><dd>${page.from} → ${page.to}</dd>
<dt>${m.card.requester}</dt><dd>${page.requester}</dd>
</dl>
<h2>${p.meaning}</h2>
${page.meaning.map((t) => html`<p>${t}</p>`)}
<h2>${p.notCopied}</h2>
<ul>${page.notCopied.map((t) => html`<li>${t}</li>`)}</ul>
<form method="post" novalidate>
<input type="hidden" name="page" value="${form.pageNonce}">
<input type="hidden" name="csrf" value="${form.csrf}">
<input type="hidden" name="lang" value="${page.language}">
<label for="name">${p.name}</label>
<input type="text" id="name" name="name" autocomplete="name" maxlength="${NAME_MAX}" value="${form.name ?? page.approverName}"${described('name', form.errors?.name)}>
${error('name', form.errors?.name)}
<label for="reason">${p.reason}</label>
<textarea id="reason" name="reason" maxlength="${REASON_MAX}"${described('reason', form.errors?.reason)}>${form.reason ?? ''}</textarea>
${error('reason', form.errors?.reason)}
<div class="buttons">
<button type="submit" name="decision" value="approve" class="approve">${p.approve}</button>
<button type="submit" name="decision" value="reject" class="reject">${p.reject}</button>
</div>
<p class="small">${p.recorded}</p>
</form>`;
  return shell(s, p.title, body);
}

export function renderDonePage(s: PageShell, decision: 'approved' | 'rejected'): string {
  const p = messages(s.language).external.page;
  return shell(s, p.doneTitle, html`<h1>${p.doneTitle}</h1><p role="status">${p[decision]}</p>`);
}

/** Why the link does not work, or why the request was refused; one sentence of what to do. */
export function renderProblemPage(s: PageShell, problem: LinkProblem | 'forged' | 'tooMany' | 'failed'): string {
  const p = messages(s.language).external.page;
  const text = problem === 'forged' || problem === 'tooMany' || problem === 'failed' ? p[problem] : p.problems[problem];
  return shell(s, p.problemTitle, html`<h1>${p.problemTitle}</h1><p role="alert">${text}</p>`);
}
