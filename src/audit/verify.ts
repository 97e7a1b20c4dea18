// Checks one case's stored facts against their hash chain and the order the case rules write them in.
import { type CaseData, type CaseFact, CHECKLIST_ITEMS, itemSeq, ROLES } from '../domain/case.js';
import { factName, type StoredFact } from '../domain/case-repository.js';
import { contentHash, genesisHash, isChained, linkHash } from '../domain/fact-chain.js';

export interface Problem {
  /** The fact's key within the case (`r1:client`); the missing one's when a fact is gone. */
  fact: string;
  message: string;
}

export interface CaseCheck {
  facts: number;
  /** Facts written before hashing: reported, not failed. */
  unchained: number;
  problems: Problem[];
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Every fact's hash must recompute and every `prev` must be the case record's hash or another stored fact's: two
 * facts chained to the same one (written at once) are a fork, not a problem. What the chain cannot show — a fact
 * nothing refers to, deleted — the case rules partly can: presses are numbered without gaps, a round starts after a
 * rejection, a transfer needs the round's three approvals, the checklist needs the transfer.
 */
export function verifyCase(data: CaseData, stored: StoredFact[]): CaseCheck {
  const problems: Problem[] = [];
  const problem = (fact: string, message: string) => problems.push({ fact, message });
  const facts = stored.filter(({ key, fact }) => {
    if (fact && typeof fact === 'object' && typeof fact.type === 'string') return true;
    problem(key, 'altered: the stored value is not a fact');
    return false;
  });
  const known = new Set([genesisHash(data), ...facts.map((s) => linkHash(s.fact))]);
  const created = facts.find((s) => s.fact.type === 'created');
  const chainedCase = created !== undefined && isChained(created.fact);
  let unchained = 0;
  for (const { key, fact } of facts) {
    const name = safeName(fact);
    if (name !== key) problem(key, `stored under ${key}, but its content belongs under ${name}: moved or copied`);
    if (!isChained(fact)) {
      unchained++;
      if (chainedCase)
        problem(
          key,
          'no hash in a case whose facts are chained: its hash was removed, or a replica older than hashing wrote it during an upgrade',
        );
      continue;
    }
    if (fact.hash === undefined || fact.prev === undefined) problem(key, 'altered: its hash or prev is missing');
    else if (contentHash(fact) !== fact.hash) problem(key, 'altered: its content does not match its hash');
    if (fact.prev !== undefined && !known.has(fact.prev))
      problem(
        key,
        fact.type === 'created'
          ? 'does not chain to the case record: the case data (client, approvers …) was changed after the case was created'
          : `refers to a previous fact (prev ${short(fact.prev)}) that is not in the store: deleted, or altered and re-hashed`,
      );
  }
  for (const [fact, message] of missingByRule(facts.map((s) => s.fact))) problem(fact, message);
  return { facts: stored.length, unchained, problems };
}

function safeName(fact: CaseFact): string {
  try {
    return factName(fact) ?? '?';
  } catch {
    return '?';
  }
}

/** Facts the case rules say must exist, given the ones that do. */
function missingByRule(facts: CaseFact[]): [string, string][] {
  const missing: [string, string][] = [];
  const gone = (name: string, because: string) => missing.push([name, `missing (deleted?): ${because}`]);
  const of = <T extends CaseFact['type']>(type: T) =>
    facts.filter((f): f is Extract<CaseFact, { type: T }> => f.type === type);
  if (of('created').length === 0) gone('created', 'every case has one');
  const decisions = of('decision');
  const started = new Set(of('roundStarted').map((f) => f.round));
  const lastRound = Math.max(1, ...started, ...decisions.map((f) => f.round));
  for (let r = 2; r <= lastRound; r++) {
    if (!started.has(r)) gone(`round:${r}`, `round ${r} has facts, so it was started`);
    if (!decisions.some((f) => f.round === r - 1 && f.decision === 'rejected'))
      gone(`r${r - 1}:…`, `round ${r} was started, which takes a rejection in round ${r - 1}`);
  }
  if (of('transferConfirmed').length > 0)
    for (const role of ROLES)
      if (!decisions.some((f) => f.round === lastRound && f.role === role && f.decision === 'approved'))
        gone(`r${lastRound}:${role}`, `the transfer was confirmed, which takes this approval`);
  const presses = of('checklist');
  if (presses.length > 0 && of('transferConfirmed').length === 0)
    gone('transfer', 'the checklist was pressed, which happens only after the transfer');
  for (const item of CHECKLIST_ITEMS) {
    const seqs = new Set(presses.filter((f) => f.item === item).map(itemSeq));
    for (let seq = Math.max(0, ...seqs) - 1; seq >= 1; seq--)
      if (!seqs.has(seq))
        gone(
          factName({ type: 'checklist', item, seq } as CaseFact),
          'a later press on the item exists, and presses are numbered one after another',
        );
  }
  return missing;
}
