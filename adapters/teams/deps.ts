// What the Teams turn handlers share: the core's engine and store, and the adapter's own helpers.
import type { DialogEngine } from '../../src/dialog/engine.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/store.js';
import type { CardOptions } from './cards.js';
import type { ConversationReferences } from './conversation-references.js';
import type { MemberDirectory } from './members.js';
import type { RetryPolicy } from './retry.js';

export interface TeamsDeps {
  engine: DialogEngine;
  store: Store;
  logger: Logger;
  refs: ConversationReferences;
  members: MemberDirectory;
  retry: RetryPolicy;
  /** How cards are drawn for this deployment's clients (user-specific views or not). */
  cards: CardOptions;
  /** How long an adaptiveCard/action may take before it is answered with the current card (Teams gives up). */
  invokeBudgetMs: number;
}
