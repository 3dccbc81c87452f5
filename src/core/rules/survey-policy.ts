// Rule 2: only closed incidents are surveyed, one survey per ticket, ever.

export const DEFAULT_SURVEYED_KINDS: readonly string[] = ["incident"];

export type SurveyDecision = { survey: true } | { survey: false; reason: "kind-not-surveyed" | "duplicate" };

export function decideSurvey(input: { kind: string; surveyedKinds: readonly string[]; alreadyKnown: boolean }): SurveyDecision {
  if (input.alreadyKnown) return { survey: false, reason: "duplicate" };
  const kind = input.kind.trim().toLowerCase();
  if (!input.surveyedKinds.some((k) => k.toLowerCase() === kind)) return { survey: false, reason: "kind-not-surveyed" };
  return { survey: true };
}
