/** What a person may do in the workspace: `viewer` reads, `responder` works reviews, `owner` also approves and manages people. */
export const PERSON_ROLES = ['owner', 'responder', 'viewer'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** A signed-in person as requests carry it (`req.person`). */
export interface PersonRef {
  email: string;
  name: string;
  role: PersonRole;
  /** The businesses whose reviews the person sees and works (undefined: every business). */
  businesses?: readonly string[] | undefined;
}
