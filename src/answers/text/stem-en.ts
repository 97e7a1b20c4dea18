// A light English stemmer: plural, -ing, -ed and -tion endings, so "connections"/"connected" and "copied"/"copy" meet.

const hasVowel = (s: string) => /[aeiouy]/.test(s);

function undouble(w: string): string {
  return /([bdfgklmnprtz])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5 && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && hasVowel(w.slice(0, -2))) w = undouble(w.slice(0, -2));

  if (w.endsWith('ation') && w.length > 7) w = `${w.slice(0, -5)}at`;
  else if (w.endsWith('tion') && w.length > 6) w = w.slice(0, -3);
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}
