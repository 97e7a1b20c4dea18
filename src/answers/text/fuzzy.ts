// Typo tolerance with guards: a misspelt word may only stand for a known word that starts with the same letter and
// is close enough for its length, so "tekenen" never becomes "rekening" and "kost" never "knab".

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Short words get no slack (too many real words lie one letter apart); from six letters one slip, from nine two. */
export function allowedTypos(length: number): number {
  if (length >= 9) return 2;
  if (length >= 6) return 1;
  return 0;
}

/**
 * The known words a typed word may be a misspelling of: same first letter, within the allowed distance. Only the
 * closest are returned; the caller refuses the correction when they disagree on what the word means.
 */
export function closestWords(word: string, known: Iterable<string>): string[] {
  // Five letters get one slip only if it is a letter too many or too few ("akord" for "akoord"): a swapped letter
  // there makes another real word too often ("staat" → "start").
  const fiveLetters = word.length === 5;
  const max = fiveLetters ? 1 : allowedTypos(word.length);
  if (max === 0) return [];
  let best = max + 1;
  let out: string[] = [];
  for (const candidate of known) {
    if (candidate[0] !== word[0] || (allowedTypos(candidate.length) === 0 && !fiveLetters)) continue;
    if (Math.abs(candidate.length - word.length) > max) continue;
    if (fiveLetters && candidate.length === word.length) continue;
    const d = editDistance(word, candidate, Math.min(max, best));
    if (d === 0) return [candidate];
    if (d < best) {
      best = d;
      out = [candidate];
    } else if (d === best) {
      out.push(candidate);
    }
  }
  return best <= max ? out : [];
}
