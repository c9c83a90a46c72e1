import { z } from "zod";

/** scores.json of `canary audit metrics` and of the scores-only upload: higher = more likely member. */
export const scoresFileSchema = z.object({
  members: z.array(z.number()).min(1),
  nonMembers: z.array(z.number()).min(1),
});
export type ScoresFile = z.infer<typeof scoresFileSchema>;
