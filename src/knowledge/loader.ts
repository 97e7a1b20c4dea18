// Reads every Markdown article in the knowledge directory and validates it, failing loudly on the first bad file.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { KnowledgeError } from './errors.js';
import { splitFrontMatter } from './front-matter.js';
import { BodyError, parseBody } from './markdown.js';
import { frontMatterSchema } from './schema.js';
import type { Article } from './types.js';

/** Notes for editors (README.md, _drafts.md) may live beside the articles without being loaded. */
function isArticleFile(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md';
}

export function parseArticle(file: string, source: string): Article {
  const split = splitFrontMatter(source);
  if (!split) throw new KnowledgeError(file, 'front matter', 'the file must start with a "---" front matter block');
  const doc = parseDocument(split.yaml, { uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    // The front matter starts on the file's second line, after the opening fence.
    const line = (problem.linePos?.[0]?.line ?? 1) + 1;
    const message = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new KnowledgeError(file, 'front matter', `line ${line}: ${message}`);
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join('.') : 'front matter';
    const unknown = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : null;
    throw new KnowledgeError(
      file,
      unknown ?? path,
      unknown ? 'is not a known front matter field' : (issue?.message ?? 'is invalid'),
    );
  }
  let sections: Article['sections'];
  try {
    sections = parseBody(split.body, split.bodyLine);
  } catch (err) {
    if (err instanceof BodyError) throw new KnowledgeError(file, 'sections', err.message);
    throw err;
  }
  for (const id of parsed.data.overview) {
    if (!sections.some((s) => s.id === id)) throw new KnowledgeError(file, 'overview', `names unknown section "${id}"`);
  }
  for (const id of Object.keys(parsed.data.examples)) {
    if (!sections.some((s) => s.id === id)) throw new KnowledgeError(file, `examples.${id}`, 'is not a section id');
  }
  return { ...parsed.data, file, sections };
}

/** Translations share an id; their sections must line up so a citation means the same place in each. */
function checkTranslations(articles: Article[]): void {
  const seen = new Map<string, Article>();
  const byId = new Map<string, Article>();
  for (const article of articles) {
    const key = `${article.id}|${article.language}`;
    const twin = seen.get(key);
    if (twin) {
      throw new KnowledgeError(
        article.file,
        'id',
        `"${article.id}" (${article.language}) is also used by ${twin.file}`,
      );
    }
    seen.set(key, article);
    const other = byId.get(article.id);
    if (!other) {
      byId.set(article.id, article);
      continue;
    }
    const mine = article.sections.map((s) => s.id).join(', ');
    const theirs = other.sections.map((s) => s.id).join(', ');
    if (mine !== theirs) {
      throw new KnowledgeError(
        article.file,
        'sections',
        `section ids (${mine}) must match the ${other.language} version in ${other.file} (${theirs})`,
      );
    }
  }
}

export async function loadKnowledge(dir: string): Promise<Article[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isArticleFile).sort();
  } catch (err) {
    throw new KnowledgeError(dir, 'directory', `cannot be read (${(err as Error).message})`);
  }
  if (!names.length) throw new KnowledgeError(dir, 'directory', 'contains no Markdown articles');
  const articles = await Promise.all(
    names.map(async (name) => parseArticle(name, await readFile(join(dir, name), 'utf8'))),
  );
  checkTranslations(articles);
  return articles;
}
