// The fake Slack Web API's file uploads, the external way: files.getUploadURLExternal, the bytes POSTed to the
// upload URL (multipart, as the Web API client sends them, or raw), and files.completeUploadExternal.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file uploaded the external way. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The file's bytes as UTF-8, once POSTed to the upload URL. */
  content?: string;
  /** Set by files.completeUploadExternal: where it was shared, and the message it came with. */
  channel?: string;
  initial_comment?: string;
  title?: string;
  completed: boolean;
}

type Args = Record<string, unknown>;
type Result = Record<string, unknown>;

export class FakeUploads {
  private seq = 0;

  constructor(private readonly files: Map<string, UploadedFile>) {}

  uploadUrl(a: Args, base: string): Result {
    const filename = String(a.filename ?? '');
    const length = Number(a.length);
    if (!filename || !Number.isInteger(length) || length < 1) return { ok: false, error: 'invalid_arguments' };
    const id = `F${++this.seq}`;
    this.files.set(id, { id, filename, completed: false });
    return { ok: true, upload_url: `${base}${id}`, file_id: id };
  }

  async receive(id: string, raw: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const file = this.files.get(id);
    if (!file || file.content !== undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('not found');
    }
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: raw })
        .formData()
        .catch(() => undefined);
      const part = [...(form?.values() ?? [])].find((v) => typeof v !== 'string');
      if (!part) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        return void res.end('no file');
      }
      file.content = await part.text();
    } else file.content = raw;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${file.content.length}`);
  }

  complete(a: Args): Result {
    const listed = (typeof a.files === 'string' ? JSON.parse(a.files) : a.files) as { id: string; title?: string }[];
    if (!Array.isArray(listed) || listed.length === 0) return { ok: false, error: 'invalid_arguments' };
    const channel = typeof a.channel_id === 'string' ? a.channel_id : undefined;
    for (const f of listed) {
      const file = this.files.get(f.id);
      // Slack completes only files whose bytes arrived.
      if (!file || file.content === undefined) return { ok: false, error: 'file_not_found' };
      Object.assign(file, { completed: true, channel, title: f.title });
      if (typeof a.initial_comment === 'string') file.initial_comment = a.initial_comment;
    }
    return { ok: true, files: listed.map((f) => ({ id: f.id, title: f.title })) };
  }
}
