// Dates and names as a Dutch or English reader expects them, in the firm's time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, language: 'nl' | 'en', timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

/** "a, b en c" / "a, b and c". */
export function joinNames(names: string[], language: 'nl' | 'en'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${language === 'nl' ? 'en' : 'and'} ${names[names.length - 1]}`;
}
