// Splits a Markdown file into front matter and body, and reads the small YAML subset articles use.
// A hand-written reader keeps start-up fast and dependency-free; anything outside the subset is a clear error.

export class FrontMatterSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface SplitFile {
  yaml: string;
  body: string;
  /** 1-based line number of the first body line, so body errors can point at the file. */
  bodyLine: number;
}

export function splitFrontMatter(source: string): SplitFile | null {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return null;
  const afterFence = text.indexOf('\n', end + 4);
  const yaml = text.slice(4, end + 1);
  const body = afterFence < 0 ? '' : text.slice(afterFence + 1);
  const bodyLine = text.slice(0, afterFence < 0 ? text.length : afterFence + 1).split('\n').length;
  return { yaml, body, bodyLine };
}

type Value = string | Value[] | { [key: string]: Value };

function unquote(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) {
    return s.slice(1, -1);
  }
  return s;
}

function parseScalar(raw: string): Value {
  const s = raw.trim();
  if (!s.startsWith('[')) return unquote(s);
  if (!s.endsWith(']')) throw new Error('an inline list must end with "]"');
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of s.slice(1, -1)) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      items.push(unquote(current));
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) items.push(unquote(current));
  return items.filter((item) => item.length > 0);
}

const KEY_VALUE = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/;

/** Reads `key: value`, inline lists `[a, b]`, and block lists of scalars or of small maps. */
export function parseFrontMatter(yaml: string, firstLine = 2): Record<string, Value> {
  const out: Record<string, Value> = {};
  let openList: Value[] | null = null;
  let openMap: Record<string, Value> | null = null;
  let mapIndent = -1;
  const lines = yaml.split('\n');
  lines.forEach((line, i) => {
    const lineNo = firstLine + i;
    if (!line.trim() || line.trim().startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    try {
      if (indent === 0) {
        const m = KEY_VALUE.exec(content);
        if (!m) throw new Error(`expected "key: value", got "${content}"`);
        const [, key, value] = m as unknown as [string, string, string | undefined];
        if (key in out) throw new Error(`duplicate key "${key}"`);
        openMap = null;
        if (value === undefined || value.trim() === '') {
          openList = [];
          out[key] = openList;
        } else {
          openList = null;
          out[key] = parseScalar(value);
        }
        return;
      }
      if (!openList) throw new Error('indented line without a list above it');
      if (content.startsWith('- ') || content === '-') {
        const item = content.slice(1).trim();
        const m = KEY_VALUE.exec(item);
        if (m) {
          openMap = { [m[1] as string]: parseScalar(m[2] ?? '') };
          mapIndent = indent + 2;
          openList.push(openMap);
        } else {
          openMap = null;
          openList.push(parseScalar(item));
        }
        return;
      }
      const m = KEY_VALUE.exec(content);
      if (!openMap || !m || indent !== mapIndent) throw new Error(`unexpected line "${content}"`);
      openMap[m[1] as string] = parseScalar(m[2] ?? '');
    } catch (err) {
      throw new FrontMatterSyntaxError(lineNo, (err as Error).message);
    }
  });
  return out;
}
