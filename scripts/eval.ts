// Runs the evaluation sets offline and prints, per set, hit rate, key-fact coverage and false-answer rate.
import { fileURLToPath } from 'node:url';
import { EVAL_SETS, EVAL_TARGETS, type EvalReport, evaluate, loadEvalQuestions } from '../src/answers/evaluate.js';
import { createAnswerEngine } from '../src/answers/index.js';

const files = process.argv.filter((a) => a.endsWith('.json'));
const sets: [string, string][] = files.length
  ? files.map((f) => [f, f])
  : Object.entries(EVAL_SETS).map(([name, url]) => [name, fileURLToPath(url)]);
const asJson = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');
// The held-out set is for measuring only: its failures are not printed unless asked for by name.
const showHeldOutFailures = process.argv.includes('--heldout-failures');

// --cross-validate: the learned scope model's leave-one-batch-out figures on the example questions, then stop.
if (process.argv.includes('--cross-validate')) {
  const { crossValidate, totalOf } = await import('../src/answers/learned/cross-validate.js');
  const examples = await loadEvalQuestions(fileURLToPath(EVAL_SETS.development));
  const folds = crossValidate(examples);
  const pct1 = (n: number, d: number) => `${((n / d) * 100).toFixed(1)}%`.padStart(6);
  const rows = [...folds, totalOf(folds)];
  process.stdout.write(
    'Scope model, each batch scored by a model trained on the others (answerable kept / best section right / unanswerable caught):\n',
  );
  for (const f of rows) {
    process.stdout.write(
      `${f.batch.padEnd(6)} ${pct1(f.kept, f.answerable)} ${pct1(f.sectionRight, f.answerable)} ${pct1(f.caught, f.unanswerable)}  (${f.answerable}+${f.unanswerable})\n`,
    );
  }
  process.exit(0);
}

const engine = await createAnswerEngine();
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const ok = (r: EvalReport) => r.passRate >= EVAL_TARGETS.passRate && r.falseAnswerRate <= EVAL_TARGETS.falseAnswerRate;

const reports: Record<string, EvalReport> = {};
const loaded: Record<string, Awaited<ReturnType<typeof loadEvalQuestions>>> = {};
for (const [name, file] of sets) {
  loaded[name] = await loadEvalQuestions(file);
  reports[name] = await evaluate(engine, loaded[name]);
}
// A few everyday questions are word for word in both sets; the held-out figure without them is reported too.
if (loaded.heldout && loaded.development) {
  const seen = new Set(loaded.development.map((q) => q.question.trim().toLowerCase()));
  const unseen = loaded.heldout.filter((q) => !seen.has(q.question.trim().toLowerCase()));
  if (unseen.length < loaded.heldout.length)
    reports['heldout, without questions also in development'] = await evaluate(engine, unseen);
}

if (asJson) {
  process.stdout.write(`${JSON.stringify(reports)}\n`);
} else {
  const lines: string[] = [];
  for (const [name, report] of Object.entries(reports)) {
    const answerable = report.answerable;
    const passed = Math.round(report.passRate * answerable);
    const falseAnswers = Math.round(report.falseAnswerRate * report.unanswerable);
    lines.push(
      `== ${name}: ${report.questions} questions (${answerable} answerable, ${report.unanswerable} not answered by the knowledge base)`,
      `Hit rate (right section cited):        ${pct(report.hitRate)}`,
      `Key-fact coverage:                     ${pct(report.keyFactCoverage)}`,
      `Pass rate (section + all key facts):   ${pct(report.passRate)} (${passed}/${answerable})  target ≥ ${pct(EVAL_TARGETS.passRate)}`,
      `False-answer rate (unanswerables):     ${pct(report.falseAnswerRate)} (${falseAnswers}/${report.unanswerable})  target ${pct(EVAL_TARGETS.falseAnswerRate)}`,
      `Language accuracy:                     ${pct(report.languageAccuracy)}`,
      `Takeover suggestion accuracy:          ${pct(report.takeoverAccuracy)}`,
    );
    if (name.startsWith('heldout') && !showHeldOutFailures) {
      lines.push(`(${report.failures.length} failures not shown: the held-out set is not for tuning)`, '');
      continue;
    }
    for (const f of report.failures) {
      lines.push('', `✗ ${f.id}: ${f.question}`);
      lines.push(
        `  found=${f.found} section=${f.sectionOk} language=${f.languageOk} takeover=${f.takeoverOk} cited=[${f.cited}]`,
      );
      if (f.missingFacts.length) lines.push(`  missing: ${f.missingFacts.join('; ')}`);
      if (verbose || !f.answerable) lines.push(`  ${f.answer.replace(/\n/g, '\n  ')}`);
    }
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exitCode = Object.values(reports).every(ok) ? 0 : 1;
