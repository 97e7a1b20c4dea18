// The knowledge loader: the shipped articles parse into stable sections; malformed files fail naming file and field.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/answers/index.js';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/index.js';

const GOOD = `---
id: test-artikel
title: Een testartikel
language: nl
source: https://example.org/artikel
date: 2025-04-02
---

## Eerste deel {#eerste}

Een zin. Nog een zin.

### Onderdeel {#onderdeel}

- Een punt
- *Een ander artikel*
`;

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function withFiles(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'knowledge-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

async function loadError(files: Record<string, string>): Promise<KnowledgeError> {
  const error = await loadKnowledge(await withFiles(files)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(KnowledgeError);
  return error as KnowledgeError;
}

describe('shipped knowledge', () => {
  it('has the seed article in Dutch and English with the same stable section ids', async () => {
    const articles = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    const nl = articles.find((a) => a.language === 'nl');
    const en = articles.find((a) => a.language === 'en');
    expect(nl?.title).toBe('Ik neem een klant over uit een andere Twinfield omgeving. Wat moet ik doen?');
    expect(nl?.id).toBe(en?.id);
    expect(nl?.source).toContain('Ik-neem-een-klant-over-uit-een-andere-Twinfield-omgeving-Wat-moet-ik-doen');
    expect(en?.source).toBe(nl?.source);
    expect(nl?.date).toBe('2025-04-02');
    const ids = nl?.sections.map((s) => s.id);
    expect(ids).toEqual([
      'inleiding',
      'administratie-overzetten',
      'na-overzetten',
      'nieuwe-gebruiker',
      'niet-meegekopieerd',
      'verder-lezen',
    ]);
    expect(en?.sections.map((s) => s.id)).toEqual(ids);
    expect(nl?.sections.find((s) => s.id === 'nieuwe-gebruiker')?.parentId).toBe('na-overzetten');
  });

  it('drops the page chrome of the seed but keeps its facts', async () => {
    const file = await readFile(join(DEFAULT_KNOWLEDGE_DIR, 'klant-overnemen-andere-omgeving.nl.md'), 'utf8');
    for (const chrome of ['Salesforce', 'Article Information', 'detail information', 'Powered by', '\nURL\n']) {
      expect(file).not.toContain(chrome);
    }
    for (const fact of [
      'alle partijen akkoord moeten geven',
      'bestaande Wolters Kluwer Account',
      'Rabobank en de Knab worden NIET mee gekopieerd',
      'Poorten en certificaten',
      'toegangsrechten voor btw en voor rapportagestructuur',
    ]) {
      expect(file).toContain(fact);
    }
  });
});

describe('validation', () => {
  it('loads a well-formed article, skipping notes for editors', async () => {
    const articles = await loadKnowledge(await withFiles({ 'a.md': GOOD, 'README.md': '# Notes', '_draft.md': 'x' }));
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article?.gaps).toEqual([]);
    expect(article?.sections[1]?.blocks[0]).toEqual({
      kind: 'list',
      items: [
        { text: 'Een punt', reference: false },
        { text: '“Een ander artikel”', reference: true },
      ],
    });
  });

  it.each([
    ['language', GOOD.replace('language: nl', 'language: de'), 'language', /"nl" or "en"/],
    ['missing title', GOOD.replace('title: Een testartikel\n', ''), 'title', /required/],
    ['bad date', GOOD.replace('2025-04-02', '2025-02-30'), 'date', /calendar date/],
    ['date format', GOOD.replace('2025-04-02', '2-4-2025'), 'date', /YYYY-MM-DD/],
    ['source', GOOD.replace('https://example.org/artikel', 'example'), 'source', /URL/],
    ['id', GOOD.replace('id: test-artikel', 'id: Test Artikel'), 'id', /slug/],
    ['unknown field', GOOD.replace('date: 2025-04-02', 'date: 2025-04-02\ntitel: x'), 'titel', /not a known/],
    [
      'gap without triggers',
      GOOD.replace('date: 2025-04-02', 'date: 2025-04-02\ngaps:\n  - topic: iets\n    match: []'),
      'gaps.0.match',
      /trigger/,
    ],
    ['overview', GOOD.replace('date: 2025-04-02', 'date: 2025-04-02\noverview: [nergens]'), 'overview', /nergens/],
  ])('names the field for a bad %s', async (_case, text, field, detail) => {
    const error = await loadError({ 'kapot.md': text });
    expect(error.file).toBe('kapot.md');
    expect(error.field).toBe(field);
    expect(error.message).toContain('kapot.md');
    expect(error.message).toContain(`"${field}"`);
    expect(error.message).toMatch(detail);
  });

  it.each([
    ['no front matter', GOOD.replace(/^---\n[\s\S]*?\n---\n/, ''), 'front matter', /must start/],
    ['a heading without id', GOOD.replace(' {#eerste}', ''), 'sections', /no stable id/],
    ['a duplicate section id', GOOD.replace('{#onderdeel}', '{#eerste}'), 'sections', /used twice/],
    [
      'text before the first heading',
      GOOD.replace('## Eerste', 'Losse tekst.\n\n## Eerste'),
      'sections',
      /before the first/,
    ],
    [
      'an empty section',
      GOOD.replace('- Een punt\n- *Een ander artikel*\n', ''),
      'sections',
      /line 13: section "onderdeel" is empty/,
    ],
    ['a broken front matter line', GOOD.replace('language: nl', 'language nl'), 'front matter', /line 4/],
  ])('rejects %s', async (_case, text, field, detail) => {
    const error = await loadError({ 'kapot.md': text });
    expect(error.field).toBe(field);
    expect(error.message).toMatch(detail);
  });

  it('rejects two files with the same id and language', async () => {
    const error = await loadError({ 'a.md': GOOD, 'b.md': GOOD });
    expect(error.file).toBe('b.md');
    expect(error.field).toBe('id');
    expect(error.message).toContain('a.md');
  });

  it('rejects a translation whose sections do not line up', async () => {
    const en = GOOD.replace('language: nl', 'language: en').replace('{#onderdeel}', '{#part}');
    const error = await loadError({ 'a.nl.md': GOOD, 'a.en.md': en });
    expect(error.field).toBe('sections');
    expect(error.message).toMatch(/must match/);
  });

  it('rejects an empty directory', async () => {
    const error = await loadError({});
    expect(error.field).toBe('directory');
  });
});
