// The structured output the model must return; anything else is treated as a failed call.
import { z } from 'zod';

/** Citations are limited to the article's real section ids by the JSON schema itself (an enum). */
export function modelAnswerSchema(sectionIds: readonly [string, ...string[]]) {
  return z.object({
    found: z.boolean(),
    answer: z.string(),
    language: z.enum(['nl', 'en']),
    citedSectionIds: z.array(z.enum(sectionIds)),
  });
}

export type ModelAnswer = z.infer<ReturnType<typeof modelAnswerSchema>>;
