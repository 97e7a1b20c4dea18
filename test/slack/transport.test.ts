// The Slack transport (WebClient's fetch over undici): what WebClient reads comes through, and a silent Slack times out.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackTransport } from '../../adapters/slack/transport.js';

describe('Slack transport', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; type?: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ method: req.method, type: req.headers['content-type'], body });
        if (req.url === '/silent') return; // never answers
        if (req.url === '/limited') {
          res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
          res.end('{"ok":false,"error":"ratelimited"}');
          return;
        }
        if (req.url === '/empty') {
          res.writeHead(204);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-oauth-scopes': 'chat:write' });
        res.end('{"ok":true,"ts":"1.2"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('sends method, headers and body, and answers with status, headers and body', async () => {
    const t = createSlackTransport();
    const res = await t.fetch(`${base}/api/chat.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'channel=C1&ts=1.2',
    });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      type: 'application/x-www-form-urlencoded',
      body: 'channel=C1&ts=1.2',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write');
    expect(await res.json()).toEqual({ ok: true, ts: '1.2' });
    const limited = await t.fetch(`${base}/limited`, { method: 'POST', body: '' });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    const empty = await t.fetch(`${base}/empty`, { method: 'POST', body: '' });
    expect([empty.status, await empty.text()]).toEqual([204, '']);
    await t.close();
  });

  it('gives up on a Slack that accepts the request and never answers', async () => {
    const t = createSlackTransport(150);
    await expect(t.fetch(`${base}/silent`, { method: 'POST', body: 'x' })).rejects.toThrow(/timeout/i);
    await t.close();
  });
});
