// Signed, expiring download links for a case's export: HMAC-SHA256 over case, user, language and expiry.
import type { Platform } from '../domain/case.js';
import { mac, macMatches, storedKey } from '../security/signed-token.js';
import type { Store } from '../store/store.js';

export const EXPORT_PATH = '/audit/export';
/** How long a link works: long enough to click it, short enough that a forwarded link soon stops working. */
export const LINK_MINUTES = 15;
/**
 * The key lives in the store, made once by whichever replica needs it first: every replica then signs and checks
 * with the same key without another secret to configure, and whoever can read the store can read the trail anyway.
 */
const KEY = 'audit:export-link-key';

export interface LinkClaims {
  caseId: string;
  platform: Platform;
  userId: string;
  language: 'nl' | 'en';
  /** Epoch ms after which the link is refused (410). */
  expires: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; why: 'invalid' | 'expired' };

export class ExportLinks {
  private readonly secret: () => Promise<Buffer>;

  constructor(
    store: Store,
    private readonly publicUrl: string,
  ) {
    this.secret = storedKey(store, KEY, 'hex');
  }

  async create(claims: Omit<LinkClaims, 'expires'>, now: number): Promise<string> {
    const full: LinkClaims = { ...claims, expires: now + LINK_MINUTES * 60_000 };
    const q = new URLSearchParams({
      c: full.caseId,
      p: full.platform,
      u: full.userId,
      l: full.language,
      e: String(full.expires),
    });
    q.set('s', mac(await this.secret(), payload(full)).toString('base64url'));
    return `${this.publicUrl}${EXPORT_PATH}?${q}`;
  }

  /** Checks the signature first (a forged expiry must not read as "expired"), then the time. */
  async check(query: URLSearchParams, now: number): Promise<LinkCheck> {
    const [c, p, u, l, e, s] = ['c', 'p', 'u', 'l', 'e', 's'].map((k) => query.get(k) ?? '');
    if (!c || !u || !s || !/^\d{1,16}$/.test(e!) || (p !== 'slack' && p !== 'teams' && p !== 'playground'))
      return { ok: false, why: 'invalid' };
    if (l !== 'nl' && l !== 'en') return { ok: false, why: 'invalid' };
    const claims: LinkClaims = { caseId: c!, platform: p, userId: u!, language: l, expires: Number(e) };
    if (!macMatches(await this.secret(), payload(claims), s!)) return { ok: false, why: 'invalid' };
    if (now > claims.expires) return { ok: false, why: 'expired' };
    return { ok: true, claims };
  }
}

/** Newline-separated: no field can contain one (ids are checked by the platforms, the rest are ours). */
function payload(c: LinkClaims): string {
  return [c.caseId, c.platform, c.userId, c.language, String(c.expires)].join('\n');
}
