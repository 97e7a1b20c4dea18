// GET /audit/export: a signed download link's CSV, or a short page saying why not (403, 404, 410) — never a stack.
import escapeHtml from 'escape-html';
import type { CaseHistory } from '../dialog/history.js';
import { toPlainText } from '../dialog/markup.js';
import type { RouteHandler } from '../server/http-server.js';

export function exportRoute(history: CaseHistory): RouteHandler {
  return async (req, res) => {
    const query = new URL(req.url ?? '/', 'http://local').searchParams;
    const answer = await history.download(query);
    if (answer.status === 200) {
      const body = Buffer.from(answer.csv, 'utf8');
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${answer.filename}"`,
        'content-length': body.length,
        // A private trail: no proxy or browser cache keeps a copy.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(body);
      return;
    }
    const text = escapeHtml(toPlainText(answer.message));
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>${answer.status}</title></head><body><p>${text}</p></body></html>\n`;
    res.writeHead(answer.status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(page),
      'cache-control': 'no-store',
    });
    res.end(page);
  };
}
