// Links to case messages for the status list: asked of the platforms concurrently, capped, and never in the way.
import type { RenderState } from '../domain/case-repository.js';
import type { Logger } from '../log.js';
import { within } from '../within.js';
import type { Messenger } from './view.js';

/** Lookups under way at once: a channel with many cases must not fire a burst at a rate-limited Web API. */
export const LINK_CONCURRENCY = 8;
/** How long one lookup may hold up the status reply; past it the case is listed without its link. */
export const LINK_WAIT_MS = 2_000;

const TIMED_OUT = Symbol('timed out');

/**
 * Case id → link to its case message, for the cases whose platform offers one. A lookup that fails or takes too long
 * leaves its case out (with one warn line); it never fails the reply.
 */
export async function caseMessageLinks(
  states: RenderState[],
  messengers: ReadonlyMap<string, Messenger>,
  logger: Logger,
): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const queue = states.filter((s) => s.messageIds.case && messengers.get(s.snapshot.data.origin.platform)?.link);
  const next = async (): Promise<void> => {
    for (let state = queue.shift(); state; state = queue.shift()) {
      const url = await linkOf(state, messengers.get(state.snapshot.data.origin.platform)!, logger);
      if (url) links.set(state.snapshot.data.id, url);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LINK_CONCURRENCY, queue.length) }, next));
  return links;
}

async function linkOf(state: RenderState, messenger: Messenger, logger: Logger): Promise<string | undefined> {
  const { data } = state.snapshot;
  const messageId = state.messageIds.case!;
  const target = { ...data.origin, thread: undefined };
  try {
    const url = await within(messenger.link!(target, messageId), LINK_WAIT_MS, TIMED_OUT);
    if (url !== TIMED_OUT) return url;
    logger.warn({ caseId: data.id, platform: data.origin.platform }, 'case message link too slow; listed without it');
  } catch (err) {
    // Adapters answer undefined on failure; this is for one that throws anyway.
    logger.warn(
      { caseId: data.id, platform: data.origin.platform, err },
      'case message link failed; listed without it',
    );
  }
  return undefined;
}
