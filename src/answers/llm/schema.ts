// The structured output the model must return; anything else is treated as a failed call.
import { z } from 'zod';

export const modelAnswerSchema = z.object({
  answer: z.string(),
  language: z.enum(['nl', 'en']),
  found: z.boolean(),
  citedSectionIds: z.array(z.string()),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;
