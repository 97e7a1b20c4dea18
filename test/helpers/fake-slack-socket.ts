// A fake of Slack's Socket Mode endpoint: a minimal WebSocket server (RFC 6455, no extensions) that sends envelopes
// and records the client's acknowledgements, so Socket Mode can be tested without reaching slack.com.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class FakeSlackSocket {
  /** Envelope ids the client acknowledged, with the response payload it sent (slash commands may carry one). */
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  private readonly sockets = new Set<Duplex>();
  private connectedResolve?: () => void;
  /** Resolves once a client has connected and been greeted with "hello". */
  connected = new Promise<void>((resolve) => {
    this.connectedResolve = resolve;
  });

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlackSocket> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    const fake = new FakeSlackSocket(server);
    server.on('upgrade', (req, socket) => fake.accept(String(req.headers['sec-websocket-key'] ?? ''), socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Sends an envelope (events_api, slash_commands, interactive) to every client; returns its envelope id. */
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown): string {
    const envelope_id = randomUUID();
    const message = { envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0 };
    for (const s of this.sockets) s.write(frame(0x1, Buffer.from(JSON.stringify(message))));
    return envelope_id;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(key: string, socket: Duplex): void {
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => this.sockets.delete(socket));
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const parsed = readFrame(buffer);
        if (!parsed) break;
        buffer = buffer.subarray(parsed.length);
        this.onFrame(socket, parsed.opcode, parsed.payload);
      }
    });
    socket.write(frame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1 }))));
    this.connectedResolve?.();
  }

  private onFrame(socket: Duplex, opcode: number, payload: Buffer): void {
    if (opcode === 0x9) socket.write(frame(0xa, payload));
    else if (opcode === 0x8) {
      socket.write(frame(0x8, payload.subarray(0, 2)));
      socket.end();
    } else if (opcode === 0x1) {
      const message = JSON.parse(payload.toString('utf8')) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) this.acks.push({ envelope_id: message.envelope_id, payload: message.payload });
    }
  }
}

/** A final, unmasked frame (servers never mask). */
function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (n >= 126 && n < 65_536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(n, 2);
  } else if (n >= 65_536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}

/** One client frame (always masked) from the start of buf, or undefined while it is incomplete. */
function readFrame(buf: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = buf[0]! & 0x0f;
  const masked = (buf[1]! & 0x80) !== 0;
  let len = buf[1]! & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLength = masked ? 4 : 0;
  if (buf.length < offset + maskLength + len) return undefined;
  const mask = buf.subarray(offset, offset + maskLength);
  const payload = Buffer.from(buf.subarray(offset + maskLength, offset + maskLength + len));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
  return { opcode, payload, length: offset + maskLength + len };
}
