// Opens the "new takeover" modal, for /overname start and for the "start a takeover" button alike.
import type { FormView } from '../../../src/dialog/view.js';
import { isDirectChannel, type SlackDeps, slackUser } from '../context.js';
import { renderModal } from '../render-modal.js';

export interface StartRequest {
  triggerId: string;
  team: string;
  channel: string;
  user: string;
  name?: string;
  locale?: string;
  /** The form the engine already built (slash command); else it is built here in the user's language. */
  form?: FormView;
  /** Where to tell the user when it cannot be opened here (a DM): returns nothing, just says it. */
  say: (markup: string) => Promise<unknown>;
}

export async function openStartModal(deps: SlackDeps, r: StartRequest): Promise<void> {
  const opened = r.form
    ? { form: r.form }
    : deps.engine.startForm(slackUser(r.user, r.name), r.locale, { direct: isDirectChannel(r.channel) });
  if ('refusal' in opened) {
    await r.say(opened.refusal);
    return;
  }
  const { form } = opened;
  const language = form.language;
  // The channel travels in private_metadata: the submission names no channel, and the case message goes there.
  // The form's language goes along as the locale, so errors and the case speak the language the form was in.
  await deps.messenger.openModal(
    r.triggerId,
    renderModal(form, { channel: r.channel, team: r.team, locale: language }),
  );
}
