// Zod schemas for article front matter, so a malformed file fails at start-up with the field that is wrong.
import { z } from 'zod';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const sectionIdSchema = z
  .string()
  .regex(SLUG, 'must be lowercase letters, digits and single hyphens (for example "nieuwe-gebruiker")');

const isoDate = z
  .string({ error: 'is required (YYYY-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
  }, 'is not a real calendar date');

export const gapSchema = z.strictObject({
  /**
   * "question": a question word asks it (how long, what does it cost), so a short follow-up ("en bij de Knab?")
   * asks it too; "subject": it is about a thing (ING, Exact), and a follow-up naming another thing is not.
   */
  kind: z.enum(['question', 'subject'], { error: 'must be "question" or "subject"' }).default('question'),
  topic: z.string({ error: 'is required' }).trim().min(3, 'must describe what the article does not say'),
  /** Concept ids of the answer engine's lexicon that the article does answer even when a trigger matches. */
  unless: z.array(z.string().min(1), { error: 'must be a list of concept ids' }).default([]),
  /** Concept ids the article does answer when named beside the gap's subject: answered, with a note on the gap. */
  alsoAnswer: z.array(z.string().min(1), { error: 'must be a list of concept ids' }).default([]),
  match: z
    .array(z.string().trim().min(2, 'trigger phrases need at least two characters'), {
      error: 'must be a list of trigger phrases',
    })
    .min(1, 'needs at least one trigger phrase'),
});

export const frontMatterSchema = z.strictObject({
  id: z.string({ error: 'is required' }).regex(SLUG, 'must be a lowercase slug (letters, digits, hyphens)'),
  title: z.string({ error: 'is required' }).trim().min(3, 'must be at least 3 characters'),
  language: z.enum(['nl', 'en'], { error: 'must be "nl" or "en"' }),
  source: z
    .string({ error: 'is required (the URL of the original article)' })
    .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value), 'must be an http(s) URL'),
  date: isoDate,
  gaps: z.array(gapSchema, { error: 'must be a list of {topic, match}' }).default([]),
  overview: z.array(sectionIdSchema, { error: 'must be a list of section ids' }).default([]),
  /** Questions a section answers, by section id: the ranking learns from them as from the section's own text. */
  examples: z
    .record(sectionIdSchema, z.array(z.string().trim().min(3, 'must be a question')), {
      error: 'must map section ids to lists of example questions',
    })
    .default({}),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
