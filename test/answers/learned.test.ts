// The learned scope model and how it weighs in: trained features stay bounded, training is deterministic, and the
// rules' answer is withheld or given only where the model is sure, never over a known gap or an order.
import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeSection } from '../../src/answers/compose.js';
import { createAnswerEngine, DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/answers/index.js';
import { buildKnowledgeIndex } from '../../src/answers/knowledge-index.js';
import { featuresOf } from '../../src/answers/learned/features.js';
import { type LearnedModels, learnedModels } from '../../src/answers/learned/index.js';
import { LinearModel } from '../../src/answers/learned/linear-model.js';
import type { ScopeModel } from '../../src/answers/learned/scope-model.js';
import { OfflineAnswerer } from '../../src/answers/offline.js';
import type { PartPlan } from '../../src/answers/plan.js';
import { readQuestion } from '../../src/answers/question.js';
import { RESCUE_FROM, reconsider, VETO_BELOW } from '../../src/answers/second-opinion.js';
import type { SectionModel } from '../../src/answers/section-model.js';

let nl: SectionModel;
let scope: ScopeModel;
let learned: LearnedModels;
let enModel: SectionModel;
beforeAll(async () => {
  nl = buildKnowledgeIndex(await loadKnowledge(DEFAULT_KNOWLEDGE_DIR)).models.get('nl') as SectionModel;
  const models = buildKnowledgeIndex(await loadKnowledge(DEFAULT_KNOWLEDGE_DIR)).models;
  enModel = models.get('en') as SectionModel;
  learned = await learnedModels(join(DEFAULT_KNOWLEDGE_DIR, 'example-questions.json'), models);
  scope = learned.scope;
});

describe('features', () => {
  it('reads stems, stem pairs and trigrams, so a typo still shares most of them', () => {
    const right = featuresOf('Gaat de Rabobank koppeling mee?', 'nl');
    const typo = featuresOf('gaat de rabobnak koppelling mee', 'nl');
    expect(right.has('s:rabobank')).toBe(true);
    const shared = [...typo.keys()].filter((f) => right.has(f)).length;
    expect(shared / typo.size).toBeGreaterThan(0.5);
  });

  it('stays bounded for any input: one 40,000-character word, 40,000 characters, emoji and binary junk', () => {
    expect([...featuresOf('a'.repeat(40_000), 'nl').keys()]).toEqual(['bias']);
    expect(featuresOf('🙂🙂🙂', 'en').size).toBe(1);
    expect(featuresOf('\u0000\u0001\uFFFD\u202E', 'nl').size).toBe(1);
    const long = featuresOf('rabobank koppeling '.repeat(2_000), 'nl');
    expect(long.size).toBeLessThan(50);
    expect(Math.max(...long.values())).toBeLessThanOrEqual(2);
    expect(featuresOf(`${'word '.repeat(8_000)}`, 'en').size).toBeLessThan(10);
  });
});

describe('linear model', () => {
  /** One question's features: its stems (each counting 1) and the bias. */
  const example = (stems: string[], inScope: boolean) => ({
    features: new Map([...stems.map((stem) => [`s:${stem}`, 1] as [string, number]), ['bias', 1]]),
    labels: new Set(inScope ? ['in'] : []),
  });
  const examples = [
    example(['bank'], true),
    example(['invoice'], false),
    example(['bank', 'link'], true),
    example(['weather'], false),
  ];

  it('learns which features point to a label and gives the same model every run', () => {
    const a = LinearModel.train(['in'], examples);
    const b = LinearModel.train(['in'], examples);
    const bank = new Map([
      ['s:bank', 1],
      ['bias', 1],
    ]);
    const invoice = new Map([
      ['s:invoice', 1],
      ['bias', 1],
    ]);
    expect(a.predict(bank).get('in')).toBeGreaterThan(0.8);
    expect(a.predict(invoice).get('in')).toBeLessThan(0.2);
    expect(b.predict(bank).get('in')).toBe(a.predict(bank).get('in'));
  });

  it('gives features it never saw no weight', () => {
    const model = LinearModel.train(['in'], examples);
    const bias = new Map([['bias', 1]]);
    expect(
      model
        .predict(
          new Map([
            ['s:unseen', 5],
            ['bias', 1],
          ]),
        )
        .get('in'),
    ).toBe(model.predict(bias).get('in'));
  });
});

describe('scope model trained on the example questions', () => {
  it('tells the move and its checklist from other Twinfield work, in both languages', () => {
    expect(scope.read('Wie moeten er allemaal akkoord geven voor de verhuizing?', 'nl').inScope).toBeGreaterThan(0.8);
    expect(scope.read('Is the Knab bank feed copied when the admin moves to us?', 'en').inScope).toBeGreaterThan(0.8);
    expect(scope.read('Hoe maak ik een verkoopfactuur aan in Twinfield?', 'nl').inScope).toBeLessThan(0.2);
    expect(scope.read('What does the move cost?', 'en').inScope).toBeLessThan(0.2);
  });

  it('names the section that answers', () => {
    expect(scope.read('Gaat de Rabobank koppeling mee?', 'nl').sections[0]?.[0]).toBe('niet-meegekopieerd');
    expect(scope.read('How do I invite the client to the new user?', 'en').sections[0]?.[0]).toBe('nieuwe-gebruiker');
  });

  it('reads a follow-up together with the question before it', () => {
    const alone = scope.read('en Knab?', 'nl').inScope;
    const after = scope.read('en Knab?', 'nl', 'Gaat de Rabobank koppeling mee bij de verhuizing?').inScope;
    expect(after).toBeGreaterThan(alone);
    expect(after).toBeGreaterThan(0.8);
  });
});

describe("sentence model trained on the example questions' key facts", () => {
  it('names the sentence with the key fact even when the question does not use its words', () => {
    const keys = [
      ...learned.sentences.wanted('How will my new client get into their books after the move?', 'en').keys(),
    ];
    const units = new Map(enModel.sections.flatMap((e) => e.units.map((u) => [u.key, u.text] as const)));
    expect(keys.map((k) => units.get(k)).join(' ')).toContain("client's existing Wolters Kluwer Account");
  });

  it('learns a sentence from questions in either language, since the articles are translations sentence by sentence', async () => {
    const examples = [
      'Gaan de certificaten mee naar de nieuwe omgeving?',
      'Moet ik de certificaten opnieuw instellen?',
      'Worden certificaten meegekopieerd?',
    ].map((question) => ({
      question,
      language: 'nl' as const,
      answerable: true,
      section: 'niet-meegekopieerd',
      keyFacts: [['Poorten en certificaten']],
    }));
    const models = buildKnowledgeIndex(await loadKnowledge(DEFAULT_KNOWLEDGE_DIR)).models;
    const { SentenceModel } = await import('../../src/answers/learned/sentence-model.js');
    const wanted = SentenceModel.train(examples, models).wanted('do the certificaten come along?', 'en');
    const units = new Map(enModel.sections.flatMap((e) => e.units.map((u) => [u.key, u.text] as const)));
    expect([...wanted.keys()].map((k) => units.get(k))).toEqual(['Ports and certificates.']);
  });

  it('adds what it names to the composed answer, and nothing without it', () => {
    const entry = enModel.sections.find((e) => e.section.id === 'nieuwe-gebruiker') as SectionModel['sections'][number];
    const key = entry.units.find((u) => u.text.includes('existing Wolters Kluwer Account'))?.key as string;
    const weights = { weights: new Map([['user', 1]]), focus: new Set(['user']) };
    const without = composeSection(entry, weights, 'en').text;
    const withIt = composeSection(entry, { ...weights, wanted: new Map([[key, 0.9]]) }, 'en').text;
    expect(withIt).toContain('existing Wolters Kluwer Account');
    expect(withIt.length).toBeGreaterThanOrEqual(without.length);
  });

  it('adds a sentence it is sure of from a section the answer would not quote', async () => {
    const engine = await createAnswerEngine();
    const rulesOnly = await createAnswerEngine({ knowledgeDir: await articlesOnly() });
    const question = 'De rapportagestructuur moet dus opnieuw, is er ergens iets te lezen over rapporten ontwerpen?';
    const a = await engine.answer({ question });
    expect(a.citations.map((c) => c.section)).toEqual(expect.arrayContaining(['niet-meegekopieerd', 'verder-lezen']));
    expect(a.answer).toContain('Rapporten ontwerpen');
    expect((await rulesOnly.answer({ question })).answer).not.toContain('Rapporten ontwerpen');
  });
});

describe('second opinion on the rules', () => {
  const plansOf = (question: string) => {
    const parts = readQuestion(question, nl.matcher, 'nl');
    return { parts, plans: parts.map((): PartPlan => ({ kind: 'none', asks: true, vague: false })) };
  };
  const reading = (inScope: number) => ({
    inScope,
    sections: [
      ['administratie-overzetten', 0.95],
      ['niet-meegekopieerd', 0.05],
    ] as [string, number][],
  });

  it('withholds an answer the model finds far off the subject', () => {
    const { parts } = plansOf('Wie keurt het goed?');
    const answer: PartPlan = { kind: 'overview', after: false, possible: false };
    const out = reconsider(nl, parts, [answer], reading(VETO_BELOW / 2));
    expect(out.verdict).toBe('veto');
    expect(out.plans.every((p) => p.kind === 'none')).toBe(true);
    expect(reconsider(nl, parts, [answer], reading(VETO_BELOW)).verdict).toBe('agree');
  });

  it("answers from the model's sections where the rules only lacked evidence and the model is sure", () => {
    const { parts, plans } = plansOf('moet de oude partij ook iets doen?');
    const out = reconsider(nl, parts, plans, reading(RESCUE_FROM));
    expect(out.verdict).toBe('rescue');
    expect(out.plans).toMatchObject([{ kind: 'answer' }]);
    const sections = out.plans[0]?.kind === 'answer' ? out.plans[0].sections.map((s) => s.section.id) : [];
    expect(sections).toEqual(['administratie-overzetten']);
    expect(reconsider(nl, parts, plans, reading(RESCUE_FROM - 0.01)).verdict).toBe('agree');
  });

  it('answers with the outline of the steps after the move, or the whole outline when the move itself is as likely', () => {
    const { parts, plans } = plansOf('moet de oude partij ook iets doen?');
    const rescue = (sections: [string, number][]) => reconsider(nl, parts, plans, { inScope: 0.99, sections }).plans;
    expect(rescue([['na-overzetten', 0.95]])).toEqual([{ kind: 'overview', after: true, possible: false }]);
    expect(
      rescue([
        ['administratie-overzetten', 0.99],
        ['na-overzetten', 0.9],
      ]),
    ).toEqual([{ kind: 'overview', after: false, possible: false }]);
  });

  it('puts the section the model is sure of in place of one it is sure is wrong, for a one-part answer only', () => {
    const { parts } = plansOf('moet de oude partij ook iets doen?');
    const entry = (id: string) => nl.sections.find((e) => e.section.id === id) as SectionModel['sections'][number];
    const answer = (id: string): PartPlan => ({
      kind: 'answer',
      sections: [entry(id)],
      concepts: new Map(),
      weights: new Map(),
    });
    const out = reconsider(nl, parts, [answer('niet-meegekopieerd')], reading(0.99));
    expect(out.verdict).toBe('resection');
    expect(out.plans[0]?.kind === 'answer' && out.plans[0].sections.map((e) => e.section.id)).toEqual([
      'administratie-overzetten',
    ]);
    const unsure = {
      inScope: 0.99,
      sections: [
        ['administratie-overzetten', 0.95],
        ['niet-meegekopieerd', 0.2],
      ],
    };
    expect(reconsider(nl, parts, [answer('niet-meegekopieerd')], unsure as never).verdict).toBe('agree');
    const two = [answer('niet-meegekopieerd'), answer('nieuwe-gebruiker')];
    expect(reconsider(nl, parts, two, reading(0.99)).verdict).toBe('agree');
  });

  it('withholds only the answered part that is off the subject when the rules recognised the rest as a gap', () => {
    const { parts } = plansOf('wie keurt goed, en hoe lang duurt het?');
    const answer: PartPlan = { kind: 'overview', after: false, possible: false };
    const gap = { kind: 'gap', asks: true, gap: {} } as unknown as PartPlan;
    const partOk = reconsider(nl, parts, [answer, gap], reading(0.05), (i) => (i === 0 ? 0.9 : 0.01));
    expect(partOk).toMatchObject({ verdict: 'agree', plans: [answer, gap] });
    const both = reconsider(nl, parts, [answer, answer], reading(0.05), (i) => (i === 0 ? 0.9 : 0.01));
    expect(both.verdict).toBe('part-veto');
    expect(both.plans.map((p) => p.kind)).toEqual(['overview', 'none']);
    // A context sentence the rules did not place ("Klant bankiert bij ABN AMRO.") explains nothing: no part answered.
    const context: PartPlan = { kind: 'none', asks: false, vague: false };
    const out = reconsider(nl, parts, [context, answer], reading(0.05), () => 0.9);
    expect(out.verdict).toBe('veto');
  });

  it('answers a question about a thing on its own only when both models are sure and it is not a how-to', () => {
    const thing = (question: string) => {
      const { parts } = plansOf(question);
      return { parts, plans: parts.map((): PartPlan => ({ kind: 'none', asks: true, vague: false, thing: true })) };
    };
    const linked = thing('moet ik de nieuwe gebruiker ook aan de administraties koppelen?');
    expect(reconsider(nl, linked.parts, linked.plans, reading(0.95), undefined, 0.95).verdict).toBe('rescue');
    expect(reconsider(nl, linked.parts, linked.plans, reading(0.95), undefined, 0.6).verdict).toBe('agree');
    const howTo = thing('hoe vernieuw ik het certificaat?');
    expect(reconsider(nl, howTo.parts, howTo.plans, reading(0.99), undefined, 0.99).verdict).toBe('agree');
  });

  it('answers a vague part when the message, a section and a sentence are all sure', async () => {
    const engine = await createAnswerEngine();
    const a = await engine.answer({
      question: 'Client has 4 companies in Twinfield at their old firm. Can we take all of them over?',
    });
    expect(a.found).toBe(true);
    expect(a.answer).toContain('one or more administrations');
  });

  it('treats a long part the lexicon does not place as a question, a short vague one as vague', () => {
    const vague = (question: string) => {
      const { parts } = plansOf(question);
      return { parts, plans: parts.map((): PartPlan => ({ kind: 'none', asks: true, vague: true })) };
    };
    const long = vague('welke stappen zet ik als beheerder zodat de nieuwe klant weer in zijn boekhouding kan');
    expect(reconsider(nl, long.parts, long.plans, reading(0.95)).verdict).toBe('rescue');
    const short = vague('wat moet ik doen?');
    expect(reconsider(nl, short.parts, short.plans, reading(0.99)).verdict).toBe('agree');
  });

  it('never overrules a known gap, an order to the assistant, or an empty greeting, nor a thing when unsure', () => {
    const { parts } = plansOf('hoe lang duurt het?');
    const refusals: PartPlan[] = [
      { kind: 'none', asks: true, vague: false, instruction: true },
      { kind: 'none', asks: true, vague: false, thing: true },
      { kind: 'none', asks: true, vague: true },
      { kind: 'none', asks: false, vague: false },
    ];
    for (const plan of refusals) expect(reconsider(nl, parts, [plan], reading(1)).verdict).toBe('agree');
    const gap = { kind: 'gap', asks: true, gap: {} } as unknown as PartPlan;
    expect(reconsider(nl, parts, [gap], reading(1)).verdict).toBe('agree');
  });
});

/** A knowledge directory with the articles but no example questions: the rules decide alone. */
async function articlesOnly(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'knowledge-'));
  for (const name of await readdir(DEFAULT_KNOWLEDGE_DIR)) {
    if (name.endsWith('.md')) await copyFile(join(DEFAULT_KNOWLEDGE_DIR, name), join(dir, name));
  }
  return dir;
}

describe('rules alone', () => {
  it('answer one anchor concept however many words the lexicon lacks', async () => {
    const rulesOnly = await createAnswerEngine({ knowledgeDir: await articlesOnly() });
    const a = await rulesOnly.answer({
      question:
        'Onze klant, een bakkerij uit Zwolle, wil liever zelf rechtstreeks betalen voor zijn Twinfield gebruiker, kan dat?',
    });
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.section)).toEqual(['verder-lezen']);
  });
});

describe('composing without the sentence model', () => {
  it.each([
    'do i, as environment admin, have to do anything so the client can actually access the administration?',
    'wat moet ik als beheerder doen zodat de nieuwe klant er ook echt in kan?',
  ])('gives the step to create a user with how to invite the client: %s', async (question) => {
    const rulesOnly = await createAnswerEngine({ knowledgeDir: await articlesOnly() });
    const a = await rulesOnly.answer({ question });
    expect(a.citations.map((c) => c.section)).toContain('nieuwe-gebruiker');
    expect(a.answer).toMatch(/existing Wolters Kluwer Account|bestaande Wolters Kluwer Account/);
  });
});

describe('the whole procedure, read by the rules alone', () => {
  it.each([
    'Give me the full checklist for taking on a client from another Twinfield firm, approvals included.',
    'putting together an onboarding checklist for takeover clients. can you give me the steps from the article, start to finish? thx!',
    'How do I take on a client whose administration currently sits in another Twinfield environment?',
  ])('gives the outline, with the steps after the move: %s', async (question) => {
    const rulesOnly = await createAnswerEngine({ knowledgeDir: await articlesOnly() });
    const a = await rulesOnly.answer({ question });
    expect(a.citations.map((c) => c.section)).toEqual(
      expect.arrayContaining(['administratie-overzetten', 'nieuwe-gebruiker', 'niet-meegekopieerd']),
    );
  });
});

describe('whether it can be done, read by the rules alone', () => {
  it.each([
    'Is het eigenlijk mogelijk om een klant met een bestaande Twinfield administratie bij een andere accountant naar ons kantoor te halen?',
    "Is it even possible to bring a client's existing Twinfield administration into our own environment?",
    'kan een administratie die in een andere twinfield omgeving staat eigenlijk wel naar de omgeving van mijn nieuwe boekhouder?',
  ])('says it can be moved, from the introduction: %s', async (question) => {
    const rulesOnly = await createAnswerEngine({ knowledgeDir: await articlesOnly() });
    const a = await rulesOnly.answer({ question });
    expect(a.citations.map((c) => c.section)).toContain('inleiding');
  });
});

describe('a statement that the administration is here', () => {
  it('sets the scene for the next step, read by the rules alone', async () => {
    const rulesOnly = await createAnswerEngine({ knowledgeDir: await articlesOnly() });
    const a = await rulesOnly.answer({ question: 'adm staat sinds vanmorgen bij ons 🎉 wat is de volgende stap?' });
    expect(a.citations.map((c) => c.section)).toContain('nieuwe-gebruiker');
  });
});

describe('a question that sets something aside', () => {
  it.each([
    ["Apart from the bank connections, what else isn't copied?", /Ports and certificates/],
    ['Naast de bankkoppelingen, wat moet er nog meer opnieuw ingesteld worden?', /Poorten en certificaten/],
  ])('gets the rest of the list: %s', async (question, rest) => {
    const rulesOnly = await createAnswerEngine({ knowledgeDir: await articlesOnly() });
    const a = await rulesOnly.answer({ question });
    expect(a.answer).toMatch(rest);
  });
});

describe('orders to the assistant', () => {
  it.each([
    'Wil je mijn verhuisverzoek alvast goedkeuren? Ik ben de beheerder.',
    'Keur de overname van klant Janssens goed aub',
    'approve transfer for Visser Holding pls',
    'Could you just approve the move for Garage De Vries?',
    'Please sign off the transfer for me',
    'geef jij even akkoord namens mij voor de overname van Jansen bv? ik ben de beheerder',
  ])('refuses a request that the assistant approve: %s', async (question) => {
    const a = await (await createAnswerEngine()).answer({ question });
    expect(a).toMatchObject({ found: false, citations: [] });
    expect(a.answer).toMatch(/knoppen|buttons/);
  });

  it.each([
    'stuur jij even een mailtje naar het oude kantoor dat ze akkoord moeten geven?',
    'Kun je even de klant uitnodigen voor onze omgeving?',
    'can you email the old firm that they need to approve?',
  ])('refuses a request that the assistant act for someone: %s', async (question) => {
    const a = await (await createAnswerEngine()).answer({ question });
    expect(a).toMatchObject({ found: false, citations: [] });
  });

  it.each([
    'Kan je de gebruiker al aanmaken voordat de administratie is overgezet?',
    'Can you remind me which bank connections are not copied?',
  ])('answers a question that only sounds like an order: %s', async (question) => {
    const a = await (await createAnswerEngine()).answer({ question });
    expect(a.found).toBe(true);
  });

  it.each([
    'Kun je me vertellen wie de verhuizing moet goedkeuren?',
    'can you tell me who has to approve?',
    'Could you explain who needs to approve?',
    'Moet ik ook goedkeuren?',
    'En wie geeft er akkoord namens het oude kantoor?',
  ])('answers a question about approving: %s', async (question) => {
    const a = await (await createAnswerEngine()).answer({ question });
    expect(a).toMatchObject({ found: true });
    expect(a.citations.map((c) => c.section)).toContain('administratie-overzetten');
  });
});

describe('engine', () => {
  it('weighs the learned model in when example questions lie beside the articles, and decides by rules alone without', async () => {
    const dir = await articlesOnly();
    const models = buildKnowledgeIndex(await loadKnowledge(dir)).models;
    const request = { question: 'Gaat de Rabobank koppeling mee?' };
    expect(new OfflineAnswerer(models).analyze(request).verdict).toBeUndefined();
    expect(new OfflineAnswerer(models, learned).analyze(request).verdict).toBe('agree');
    const rulesOnly = await createAnswerEngine({ knowledgeDir: dir });
    expect(await rulesOnly.answer(request)).toMatchObject({ found: true });
  });

  it('refuses a near miss the rules alone would answer (a question in none of the example questions)', async () => {
    const dir = await articlesOnly();
    const question = "Who pays for the client's new user?";
    expect(await (await createAnswerEngine({ knowledgeDir: dir })).answer({ question })).toMatchObject({ found: true });
    const a = await (await createAnswerEngine()).answer({ question });
    expect(a).toMatchObject({ found: false, language: 'en', citations: [] });
  });
});
