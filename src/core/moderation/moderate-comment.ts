// Comment moderation (product rule: hateful comments and insults are never counted, never shown
// to anyone but management, never posted; borderline ones wait in a queue management resolves).
// Pure: no I/O, the word lists are compiled once when the module loads.
//
// Verdict rules, most severe first (a comment gets the most severe verdict of any match):
//   hateful  racist, antisemitic, xenophobic, homophobic or transphobic slurs and phrases,
//            whoever they target (the technician included); and hateful statements made without
//            any slur (statements/), in French and English:
//            - generalisations: a protected group named as a whole ("les arabes", "all muslims",
//              "black people", or "ils"/"ces gens-là" once a group is named) followed, with only
//              filler words between, by a degrading predicate ("sont tous des voleurs", "control
//              everything", "ne savent pas travailler"). A positive or factual predicate stays
//              clean ("les Bretons sont sympas", "the Chinese team delivered on time");
//            - dehumanisation: the same with "parasites", "vermine", "rats", "animals"… said of a
//              group ("le PC a des parasites" is not);
//            - calls to expel or harm a group ("retourne dans ton pays", "dehors les étrangers",
//              "il faudrait gazer tous ces étrangers", "send them back", "they should all be killed");
//            - Nazi glorification and Holocaust denial ("vive Hitler", "14/88", "88" only next to
//              another marker, "white power" but not "the white power cable", "la Shoah n'a jamais
//              existé"). Mentions stay clean ("mémorial de la Shoah", "ticket #1488").
//            For a statement, `terms` holds the rule and the words it saw ("generalisation: les
//            arabes … voleurs", "call-to-expel: dehors les etrangers").
//   insult   insults aimed at a person ("connard", "fils de pute", "fuck you", "retard").
//   review   profanity not aimed at anyone ("putain", "shit"), threats ("je vais te retrouver"),
//            words that are slurs only in some contexts ("Niger", "raton", "chink"), masked
//            words whose possible readings disagree ("p**e": "pute" or "pédé"), essentialising
//            generalisations we cannot judge ("les Allemands sont tous des …") and dehumanising
//            words aimed at "ces gens-là" when no group is named.
//   clean    everything else. Harsh but legitimate criticism of the service stays clean
//            ("service nul", "très déçu", "incompétent", "slow and useless answer"): it is the
//            feedback the survey exists to collect, and queueing it would hide it from the team.
import { compileLists } from "./compile.js";
import { findTerms } from "./find-terms.js";
import { EN_LISTS } from "./lists/en.js";
import { FR_LISTS } from "./lists/fr.js";
import { findStatements } from "./statements/find-statements.js";

export type ModerationVerdict = "clean" | "hateful" | "insult" | "review";

export interface ModerationResult {
  verdict: ModerationVerdict;
  /** The list entries that matched, most severe first; [] when clean. For management's eyes only. */
  terms: string[];
}

const COMPILED_TERMS = compileLists([FR_LISTS, EN_LISTS]);

export function moderateComment(text: string): ModerationResult {
  const hits = findTerms(text, COMPILED_TERMS, [findStatements]);
  const worst = hits[0];
  if (!worst) return { verdict: "clean", terms: [] };
  return { verdict: worst.category, terms: hits.map((h) => h.term) };
}
