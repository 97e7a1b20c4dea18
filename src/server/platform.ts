// How a platform adapter plugs into the service: it gets the engine and the server, and adds routes and a messenger.
import type { Clock } from '../clock.js';
import type { Config } from '../config/load-config.js';
import type { DialogEngine } from '../dialog/engine.js';
import type { ExternalApprovals } from '../external/external-approvals.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { HttpServer } from './http-server.js';

export interface PlatformContext {
  config: Config;
  engine: DialogEngine;
  server: HttpServer;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** Present when PUBLIC_URL enables approvers outside the workspace. */
  external?: ExternalApprovals;
}

export interface PlatformPlugin {
  readonly name: string;
  /** Whether the configuration enables it; a disabled plugin is listed in /healthz as false and never attached. */
  enabled(config: Config): boolean;
  attach(ctx: PlatformContext): Promise<void>;
  /**
   * For a plugin that stands in locally for other platforms: the names of those it simulates under this
   * configuration. /healthz reports them as "simulated" instead of true, so a fake is never taken for a live link.
   */
  simulates?(config: Config): string[];
  /** Stops sockets and timers; called on shutdown before the store closes. */
  close?(): Promise<void>;
}
