// Tamper evidence: each fact carries a SHA-256 hash chained to the case's previous fact (or to the case record).
import { createHash } from 'node:crypto';
import type { CaseData, CaseFact, CaseSnapshot } from './case.js';

/**
 * JSON with object keys sorted and undefined members left out, so the same value always gives the same bytes,
 * whichever order its keys were written in and whichever backend (re)serialized it. For the strings, whole numbers
 * and booleans a fact holds this is RFC 8785 (JCS): JSON.stringify already escapes and prints numbers that way.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  // A plain loop: this runs on every fact write, and the array helpers' closures cost about as much as the hash.
  let out = '';
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The chain's first link: the case record as created (it is written once, like a fact). */
export function genesisHash(data: CaseData): string {
  return sha256(canonicalJson(data));
}

/**
 * The hash a fact's content gives: over every field but `hash` itself, so `prev` is covered. For a fact written before
 * hashing (no `prev`, no `hash`) this is a hash of what it says, which lets a later fact chain to it all the same.
 */
export function contentHash(fact: CaseFact): string {
  const { hash: _, ...rest } = fact;
  return sha256(canonicalJson(rest));
}

/** The hash other facts refer to: the stored one, or for an unchained fact its content's. */
export function linkHash(fact: CaseFact): string {
  return fact.hash ?? contentHash(fact);
}

/** False for facts written before hashing: they carry neither `prev` nor `hash`. */
export function isChained(fact: CaseFact): boolean {
  return fact.prev !== undefined || fact.hash !== undefined;
}

/** The fact as stored: linked to `prev`, with its hash. The write path's one hash. */
export function chainFact(fact: CaseFact, prev: string): CaseFact {
  // `hash: undefined` is left out of the canonical form, so this is contentHash without a second copy of the fact.
  const linked: CaseFact = { ...fact, prev, hash: undefined };
  linked.hash = sha256(canonicalJson(linked));
  return linked;
}

/**
 * What the next fact chains to: the latest fact the writer saw, or the case record when it has none. Two writers that
 * saw the same state chain to the same fact, a fork the verification accepts: each link still points into the case.
 */
export function chainHead(snapshot: CaseSnapshot): string {
  const latest = snapshot.audit.at(-1);
  return latest ? linkHash(latest) : genesisHash(snapshot.data);
}
