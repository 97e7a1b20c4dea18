// A light Dutch stemmer: enough to map koppelingen/koppelen, gekopieerd/kopiëren and verhuisd/verhuizen together.
// Snowball-like rules, but without R1/R2 regions; over-stemming is harmless as long as questions and articles agree.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

function undoubleConsonant(w: string): string {
  const a = w[w.length - 1];
  return a && !isVowel(a) && a === w[w.length - 2] ? w.slice(0, -1) : w;
}

/** "maak" → "mak", "certificaat" → "certificat", so the open and closed syllable spellings meet. */
function undoubleVowel(w: string): string {
  const n = w.length;
  if (n < 4) return w;
  const [c0, v1, v2, c3] = [w[n - 4], w[n - 3], w[n - 2], w[n - 1]];
  if (c0 !== undefined && !isVowel(c3) && v1 === v2 && v1 !== 'i' && isVowel(v1)) return w.slice(0, -2) + c3;
  return w;
}

export function stemDutch(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('heden')) return `${w.slice(0, -5)}heid`;
  if (w.endsWith('ingen') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('end') && w.length > 6 && !isVowel(w[w.length - 4])) w = w.slice(0, -3);
  else if (w.endsWith('ing') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('en') && w.length > 4 && !isVowel(w[w.length - 3])) w = w.slice(0, -2);
  else if (w.endsWith('s') && w.length > 4 && !isVowel(w[w.length - 2]) && !/[sj]s$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('e') && w.length > 4 && !isVowel(w[w.length - 2])) w = w.slice(0, -1);
  if (/[dt]$/.test(w) && w.length > 3 && !isVowel(w[w.length - 2])) w = w.slice(0, -1);
  w = undoubleConsonant(w);
  w = undoubleVowel(w);
  if (w.endsWith('z')) w = `${w.slice(0, -1)}s`;
  else if (w.endsWith('v')) w = `${w.slice(0, -1)}f`;
  return w;
}

const SEPARABLE = ['over', 'mee', 'aan', 'in', 'op', 'uit', 'door', 'af', 'toe', 'terug', 'na', 'vast', 'weg', 'samen'];

/** Participles hide the stem behind "ge": "gekopieerd" → "kopieerd", "ingesteld" → "insteld". */
export function dutchParticipleVariants(word: string): string[] {
  const out: string[] = [];
  if (word.startsWith('ge') && word.length >= 6) out.push(word.slice(2));
  for (const prefix of SEPARABLE) {
    if (word.startsWith(`${prefix}ge`) && word.length >= prefix.length + 5) {
      out.push(prefix + word.slice(prefix.length + 2));
    }
  }
  return out;
}
