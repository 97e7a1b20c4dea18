// Splits a Markdown file into front matter and body, and reads the front matter with the `yaml` parser.

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
