// Command-line access to the answer engine; other tools parse its --json output, so stdout carries answers only.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type Answer, createAnswerEngine, KnowledgeError } from '../src/answers/index.js';
import { sourceLabel } from '../src/answers/messages.js';
import { parseConfig } from '../src/config/load-config.js';

const USAGE = `Usage: npm run --silent ask -- [--json] [--stdin [--thread]] [--previous "<question>"] [--locale nl-NL] "<question>"
  --json      print one JSON object per answer: {"answer","language","found","citations"}
  --stdin     read one question per line from standard input (blank lines are skipped)
  --thread    with --stdin: treat the lines as one conversation, so short follow-ups use the line before
  --previous  the previous question in the conversation, for a short follow-up
  --locale    platform locale, used only when the question itself does not show its language
  --knowledge directory with the Markdown articles (default: knowledge/)`;

function toJson(a: Answer): string {
  const citations = a.citations.map((c) => ({ article: c.article, section: c.section, title: c.title, url: c.url }));
  return JSON.stringify({ answer: a.answer, language: a.language, found: a.found, citations });
}

function toText(a: Answer): string {
  const sources = a.citations.map((c) => `${sourceLabel(a.language)}: ${c.title}\n${c.url}`);
  const unique = [...new Set(sources.map((s) => s.split('\n')[1]))].length === 1 && sources.length > 1;
  // One article cited in several sections: name the sections once, with the URL once.
  const footer = unique
    ? `${sourceLabel(a.language)}: ${a.citations.map((c) => c.title).join('; ')}\n${a.citations[0]?.url}`
    : sources.join('\n');
  return footer ? `${a.answer}\n\n${footer}\n` : `${a.answer}\n`;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        stdin: { type: 'boolean', default: false },
        thread: { type: 'boolean', default: false },
        previous: { type: 'string' },
        locale: { type: 'string' },
        knowledge: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  try {
    args = parse();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  const question = positionals.join(' ').trim();
  if (values.help || (!values.stdin && !question)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const logger = {
    warn: (obj: object, msg?: string) => process.stderr.write(`${JSON.stringify({ level: 'warn', ...obj, msg })}\n`),
  };
  // The OpenAI variables are read exactly as the service reads them (same rules, same defaults); others are ignored.
  const openaiEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(OPENAI|AZURE_OPENAI)_/.test(k)));
  const config = parseConfig(openaiEnv);
  if (!config.ok) {
    for (const line of config.problems) process.stderr.write(`${line}\n`);
    return 2;
  }
  const engine = await createAnswerEngine({ knowledgeDir: values.knowledge, openai: config.config.openai, logger });
  const print = (a: Answer) => process.stdout.write(values.json ? `${toJson(a)}\n` : `${toText(a)}\n`);

  if (!values.stdin) {
    print(await engine.answer({ question, previousQuestion: values.previous, locale: values.locale }));
    return 0;
  }
  let previous = values.previous;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const q = line.trim();
    if (!q) continue;
    print(
      await engine.answer({
        question: q,
        previousQuestion: values.thread ? previous : values.previous,
        locale: values.locale,
      }),
    );
    previous = q;
  }
  return 0;
}

// A reader that stops early (`| head -1`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message =
      err instanceof KnowledgeError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`${message}\n`);
    process.exitCode = err instanceof KnowledgeError ? 2 : 1;
  },
);
