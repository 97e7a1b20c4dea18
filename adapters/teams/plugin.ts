// The Microsoft Teams platform plugin: POST /api/messages on the shared server, and the core's Teams messenger.
import { languageFromLocale } from '../../src/i18n/language.js';
import type { PlatformContext, PlatformPlugin } from '../../src/server/platform.js';
import { createAuthentication } from './auth.js';
import { authMode, teamsEnabled } from './auth-mode.js';
import { TeamsBot } from './bot.js';
import { TeamsCloudAdapter } from './cloud-adapter.js';
import { ConversationReferences } from './conversation-references.js';
import type { TeamsDeps } from './deps.js';
import { messagesRoute } from './http-bridge.js';
import { MemberDirectory } from './members.js';
import { TeamsMessenger } from './messenger.js';
import { DEFAULT_RETRY, errorInfo, type RetryPolicy } from './retry.js';
import { teamsTexts } from './texts.js';

export interface TeamsAdapterOptions {
  /** Path of the messaging endpoint registered with the Azure Bot. */
  path?: string;
  /** How long a card press may take before Teams gets the stored state as answer (Teams waits ~15 s at most). */
  invokeBudgetMs?: number;
  retry?: Partial<RetryPolicy>;
}

export function createTeamsAdapter(options: TeamsAdapterOptions = {}): PlatformPlugin {
  return {
    name: 'teams',
    enabled: teamsEnabled,
    async attach(ctx: PlatformContext) {
      const { config, engine, server, store, logger } = ctx;
      const auth = authMode(config);
      if (auth.mode === 'off') logger.warn({ platform: 'teams' }, auth.warning);
      const adapter = new TeamsCloudAdapter(createAuthentication(config), logger);
      adapter.onTurnError = async (turn, err) => {
        logger.error(
          { error: errorInfo(err), stack: (err as Error)?.stack, activityType: turn.activity.type },
          'Teams turn failed',
        );
        // Someone asked something and would otherwise hear nothing; invokes answer for themselves (invoke.ts).
        if (turn.activity.type !== 'message') return;
        const language = languageFromLocale(turn.activity.locale) ?? 'nl';
        await turn.sendActivity(teamsTexts(language).failed).catch(() => undefined);
      };
      const retry = { ...DEFAULT_RETRY, ...options.retry };
      const refs = new ConversationReferences(store);
      const cards = { userSpecificViews: config.teams.userSpecificViews };
      const deps: TeamsDeps = {
        cards,
        engine,
        store,
        logger,
        refs,
        members: new MemberDirectory(store, logger),
        retry,
        invokeBudgetMs: options.invokeBudgetMs ?? 8_000,
      };
      engine.registerMessenger(
        new TeamsMessenger({ adapter, appId: config.teams.appId ?? '', refs, logger, retry, cards }),
      );
      const bot = new TeamsBot(deps);
      server.route(
        'POST',
        options.path ?? '/api/messages',
        messagesRoute({ adapter, bot, logger, authRequired: auth.mode === 'on' }),
      );
      logger.info(
        {
          platform: 'teams',
          auth: auth.mode,
          appType: config.teams.appType,
          userSpecificViews: cards.userSpecificViews,
        },
        'Teams adapter ready',
      );
    },
  };
}
