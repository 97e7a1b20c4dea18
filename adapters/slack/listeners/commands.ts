// The /overname slash command: start (modal), history (modal), status and help (only for the asker), or a question.
import type { App, SlashCommand } from '@slack/bolt';
import { languageFromLocale } from '../../../src/i18n/language.js';
import { isDirectChannel, type SlackDeps, slackUser } from '../context.js';
import { fromSlackText } from '../mrkdwn.js';
import { renderMessage } from '../render-blocks.js';
import { SLASH_COMMAND } from '../routes.js';
import { slackTexts, withSlackHelp } from '../texts.js';
import type { SlackUser } from '../users.js';
import { showHistory } from './history.js';
import { openStartModal } from './start.js';

type Say = (markup: string) => Promise<unknown>;

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    // Acknowledged at once and empty: the command text is not echoed and nothing is posted for everyone.
    await ack();
    // Replies go through response_url: it works in any conversation, also where the bot is not a member.
    const say: Say = (markup) =>
      respond({ response_type: 'ephemeral', ...renderMessage({ kind: 'text', text: markup }) });
    // A trigger_id lives 3 seconds; the locale may not hold up opening the modal.
    const info = await deps.users.quick(command.user_id);
    try {
      await run(deps, command, info, say, (view) => respond({ response_type: 'ephemeral', ...renderMessage(view) }));
    } catch (err) {
      deps.logger.error({ err }, 'slack command failed');
      await say(slackTexts(languageFromLocale(info?.locale) ?? 'nl').failed).catch(() => {});
    }
  });
}

async function run(
  deps: SlackDeps,
  command: SlashCommand,
  info: SlackUser | undefined,
  say: Say,
  show: (view: Parameters<typeof renderMessage>[0]) => Promise<unknown>,
): Promise<void> {
  const name = info?.name ?? command.user_name;
  const reply = await deps.engine.handleMessage({
    platform: 'slack',
    workspace: command.team_id,
    conversation: command.channel_id,
    user: slackUser(command.user_id, name),
    // Slack escapes &, < and > in a command's text as in messages, and may turn names into <@U…> links.
    text: fromSlackText(command.text ?? ''),
    locale: info?.locale,
    direct: isDirectChannel(command.channel_id, command.channel_name),
  });
  if (reply.history) return showHistory(deps, reply.history, command.trigger_id, say);
  if (reply.openForm?.kind === 'form') {
    await openStartModal(deps, {
      triggerId: command.trigger_id,
      team: command.team_id,
      channel: command.channel_id,
      user: command.user_id,
      name,
      locale: info?.locale,
      form: reply.openForm,
      say,
    });
    return;
  }
  for (const view of reply.views) await show(withSlackHelp(view));
}
