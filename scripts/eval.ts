// Runs the evaluation question set offline and prints hit rate, key-fact coverage and false-answer rate.
import { fileURLToPath } from 'node:url';
import { EVAL_TARGETS, evaluate, loadEvalQuestions } from '../src/answers/evaluate.js';
import { createAnswerEngine } from '../src/answers/index.js';

const file =
  process.argv.find((a) => a.endsWith('.json')) ??
  fileURLToPath(new URL('../test/eval/questions.json', import.meta.url));
const asJson = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');

const engine = await createAnswerEngine();
const report = await evaluate(engine, await loadEvalQuestions(file));
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

if (asJson) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const lines = [
    `Questions: ${report.questions} (${report.answerable} answerable, ${report.unanswerable} not answered by the knowledge base)`,
    `Hit rate (right section cited):        ${pct(report.hitRate)}`,
    `Key-fact coverage:                     ${pct(report.keyFactCoverage)}`,
    `Pass rate (section + all key facts):   ${pct(report.passRate)}  target ≥ ${pct(EVAL_TARGETS.passRate)}`,
    `False-answer rate (unanswerables):     ${pct(report.falseAnswerRate)}  target ${pct(EVAL_TARGETS.falseAnswerRate)}`,
    `Language accuracy:                     ${pct(report.languageAccuracy)}`,
    `Takeover suggestion accuracy:          ${pct(report.takeoverAccuracy)}`,
  ];
  for (const f of report.failures) {
    lines.push('', `✗ ${f.id}: ${f.question}`);
    lines.push(
      `  found=${f.found} section=${f.sectionOk} language=${f.languageOk} takeover=${f.takeoverOk} cited=[${f.cited}]`,
    );
    if (f.missingFacts.length) lines.push(`  missing: ${f.missingFacts.join('; ')}`);
    if (verbose || !f.answerable) lines.push(`  ${f.answer.replace(/\n/g, '\n  ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
const ok = report.passRate >= EVAL_TARGETS.passRate && report.falseAnswerRate <= EVAL_TARGETS.falseAnswerRate;
process.exitCode = ok ? 0 : 1;
