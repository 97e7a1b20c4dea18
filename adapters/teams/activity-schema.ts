// The Bot Framework activity fields this adapter reads, checked before botbuilder runs a turn: an activity without a
// sender, with a locale that is not a string or text that is not text gets a 400 and one warn line, not a 500 and
// a stack trace from deep inside a turn.
import { z } from 'zod';

/** Bot Framework ids travel in URLs and headers (x-ms-conversation-id): visible ASCII only. */
const id = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'must be visible ASCII');
const account = z
  .object({ id, name: z.string().max(512).nullish(), aadObjectId: z.string().max(64).nullish() })
  .passthrough();

/** Teams caps a message at about 28 KB; anything far beyond that is not a chat message. */
const MAX_TEXT = 100_000;

export const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: id.nullish(),
    channelId: z.string().min(1).max(64),
    // The Bot Connector the reply goes to: only http(s), never javascript:, file: or the like.
    serviceUrl: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/[^\s]+$/i),
    from: account,
    recipient: account.nullish(),
    conversation: z
      .object({
        id,
        conversationType: z.string().max(64).nullish(),
        tenantId: z.string().max(64).nullish(),
        isGroup: z.boolean().nullish(),
      })
      .passthrough(),
    locale: z.string().max(32).nullish(),
    text: z.string().max(MAX_TEXT).nullish(),
    name: z.string().max(128).nullish(),
    replyToId: id.nullish(),
    value: z.unknown().optional(),
    entities: z
      .array(z.object({ type: z.string() }).passthrough())
      .max(100)
      .nullish(),
    membersAdded: z.array(account).max(1000).nullish(),
    channelData: z.object({}).passthrough().nullish(),
  })
  .passthrough();

export type CheckedActivity = z.infer<typeof activitySchema>;

/** The first problem as "field: message", for the warn line; undefined when the activity is usable. */
export function activityProblem(body: unknown): string | undefined {
  const r = activitySchema.safeParse(body);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  return `${issue?.path.join('.') || '(activity)'}: ${issue?.message ?? 'invalid'}`;
}
