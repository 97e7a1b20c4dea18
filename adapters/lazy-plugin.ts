// A platform plugin whose SDK (Bolt, botbuilder) is loaded only when the configuration enables it.
import type { Config } from '../src/config/load-config.js';
import type { PlatformContext, PlatformPlugin } from '../src/server/platform.js';

export function lazyPlugin(
  name: string,
  enabled: (config: Config) => boolean,
  load: () => Promise<PlatformPlugin>,
): PlatformPlugin {
  let loaded: PlatformPlugin | undefined;
  return {
    name,
    enabled,
    async attach(ctx: PlatformContext) {
      loaded = await load();
      await loaded.attach(ctx);
    },
    async close() {
      await loaded?.close?.();
    },
  };
}
