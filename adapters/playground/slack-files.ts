// The playground's Slack file uploads the external way (upload URL, the bytes, completion), kept in the store.
//
// The Slack adapter's files.uploadV2 asks files.getUploadURLExternal for a URL, POSTs the bytes there (multipart or
// raw) and shares the file with files.completeUploadExternal, exactly as against slack.com; the page downloads the
// file back from the playground's own routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyBuffer, sendJson } from '../../src/server/http-server.js';
import type { Store } from '../../src/store/store.js';

/** The largest file the playground keeps: an export is a few kilobytes; the store is no file server. */
export const MAX_FILE_BYTES = 1_000_000;
/** An upload URL that was never used, or a file never shared, is forgotten like Slack aborts it. */
const PENDING_MS = 30 * 60_000;
const FILE = 'pg:slack:file:';

export interface SlackFile {
  id: string;
  filename: string;
  /** The length files.getUploadURLExternal was told: the bytes must not exceed it. */
  length: number;
  title?: string;
  /** The bytes, base64, once POSTed to the upload URL. */
  content?: string;
  /** Where files.completeUploadExternal shared it; absent while private. */
  channel?: string;
  completed: boolean;
}

type Result = { ok: true; [key: string]: unknown } | { ok: false; error: string };

export class SlackFiles {
  private seq = 0;

  constructor(
    private readonly store: Store,
    private readonly baseUrl: () => string,
  ) {}

  get(id: string): Promise<SlackFile | undefined> {
    return this.store.get<SlackFile>(FILE + id);
  }

  /** files.getUploadURLExternal: a file id and the URL to POST its bytes to; too large is refused as Slack does. */
  async uploadUrl(a: Record<string, unknown>): Promise<Result> {
    const filename = typeof a.filename === 'string' ? a.filename.trim() : '';
    const length = Number(a.length);
    if (!filename || filename.length > 255 || !Number.isInteger(length) || length < 1)
      return { ok: false, error: 'invalid_arguments' };
    if (length > MAX_FILE_BYTES) return { ok: false, error: 'file_upload_size_restricted' };
    const id = `F0PG${Date.now().toString(36).toUpperCase()}${(++this.seq).toString(36).toUpperCase()}`;
    await this.store.set(FILE + id, { id, filename, length, completed: false } satisfies SlackFile, PENDING_MS);
    return { ok: true, upload_url: `${this.baseUrl()}/upload/${id}`, file_id: id };
  }

  /** The upload URL: the bytes, once, no more than announced; anything else is a non-200, which the client reports. */
  async receive(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    };
    const file = await this.get(id);
    if (req.method !== 'POST') return text(405, 'method not allowed');
    if (!file || file.content !== undefined) return text(404, 'not found');
    // Room for a multipart envelope around the announced bytes.
    const raw = await readBodyBuffer(req, file.length + 16_384).catch(() => undefined);
    if (!raw) return text(413, 'file too large');
    const type = req.headers['content-type'] ?? '';
    let bytes: Buffer | undefined = raw;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://upload/', {
        method: 'POST',
        headers: { 'content-type': type },
        body: new Uint8Array(raw),
      })
        .formData()
        .catch(() => undefined);
      const part = [...(form?.values() ?? [])].find((v): v is File => typeof v !== 'string');
      bytes = part ? Buffer.from(await part.arrayBuffer()) : undefined;
    }
    if (!bytes) return text(400, 'no file');
    if (bytes.length > file.length) return text(413, 'file too large');
    await this.store.set(FILE + id, { ...file, content: bytes.toString('base64') } satisfies SlackFile, PENDING_MS);
    text(200, `OK - ${bytes.length}`);
  }

  /** files.completeUploadExternal: only files whose bytes arrived; shared in channel_id when given. */
  async complete(a: Record<string, unknown>): Promise<Result & { shared?: SlackFile[] }> {
    let listed: unknown;
    try {
      listed = typeof a.files === 'string' ? JSON.parse(a.files) : a.files;
    } catch {
      return { ok: false, error: 'invalid_arguments' };
    }
    if (!Array.isArray(listed) || listed.length === 0 || listed.length > 10)
      return { ok: false, error: 'invalid_arguments' };
    const channel = typeof a.channel_id === 'string' && a.channel_id ? a.channel_id : undefined;
    const files: SlackFile[] = [];
    for (const f of listed as { id?: unknown; title?: unknown }[]) {
      const file = typeof f?.id === 'string' ? await this.get(f.id) : undefined;
      if (!file || file.content === undefined) return { ok: false, error: 'file_not_found' };
      files.push({ ...file, completed: true, channel, title: typeof f.title === 'string' ? f.title : file.filename });
    }
    for (const file of files) await this.store.set(FILE + file.id, file);
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, name: f.filename })), shared: files };
  }
}

/** A file as a download: attachment, its name quoted safely, its type from its extension. */
export function sendFile(res: ServerResponse, file: SlackFile): void {
  const ascii = file.filename.replace(/[^\w.\- ]/g, '_');
  res.writeHead(200, {
    'content-type': file.filename.toLowerCase().endsWith('.csv')
      ? 'text/csv; charset=utf-8'
      : 'application/octet-stream',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(Buffer.from(file.content ?? '', 'base64'));
}

/** 404 for a file the viewer may not see: as if it did not exist. */
export function noFile(res: ServerResponse): void {
  sendJson(res, 404, { error: 'no such file' });
}
