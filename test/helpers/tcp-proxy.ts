// A TCP proxy on loopback in front of a real service (Redis): tests cut the link and restore it, and count connections.

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  /** Client connections accepted so far. */
  accepted = 0;
  private readonly sockets = new Set<Socket>();
  private server?: Server;

  private constructor(
    private readonly target: { host: string; port: number },
    private port = 0,
  ) {}

  /** Proxies to the host and port of `targetUrl` (e.g. redis://127.0.0.1:6379). */
  static async start(targetUrl: string): Promise<TcpProxy> {
    const u = new URL(targetUrl);
    const proxy = new TcpProxy({ host: u.hostname, port: Number(u.port || 6379) });
    await proxy.resume();
    return proxy;
  }

  /** `targetUrl` with the proxy's host and port instead. */
  urlFor(targetUrl: string): string {
    const u = new URL(targetUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Cuts every connection and refuses new ones, as a stopped or unreachable service would. */
  async pause(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again, on the same port (nothing to do while it listens). */
  async resume(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      this.accepted++;
      const upstream = connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          this.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  close(): Promise<void> {
    return this.pause();
  }
}
