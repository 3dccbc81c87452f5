// Generalisations about a protected group: the group named as a whole, then a degrading or
// dehumanising predicate ("les arabes sont tous des voleurs", "jews control everything",
// "ces étrangers sont des parasites"). The group must be followed by the predicate with only
// filler words between ("sont tous des"), so "les Marocains du bureau de Casa ne peuvent pas se
// connecter" or "the Chinese team controls the pipeline" are never read as statements.
import { GROUP, GROUP_WORD, PRONOUN, isPeople, mentionsGroup } from "./groups.js";
import { oneOf, rule } from "./pattern.js";
import { DEGRADING_PREDICATE, DEHUMANISING_NOUN, DEHUMANISING_PREDICATE, GAP, POSITIVE } from "./predicates.js";
import { named, whoWhat, type StatementRule } from "./rule.js";

const people = (m: RegExpMatchArray, stream: string): boolean => isPeople(m.groups?.["who"] ?? "", stream);
const POSITIVE_WORD = new RegExp(`^${POSITIVE}$`);
const unjudged = (m: RegExpMatchArray, stream: string): boolean =>
  people(m, stream) && !POSITIVE_WORD.test(m.groups?.["what"] ?? "");
const aboutNamedGroup = (m: RegExpMatchArray, stream: string): boolean => mentionsGroup(stream) && people(m, stream);

/** "l'islam est une religion de terroristes". */
const RELIGION = oneOf(["l islam", "islam", "le judaisme", "judaism", "la religion musulmane", "la religion juive"]);
const RELIGION_OF = oneOf(["une religion de", "la religion des", "a religion of", "the religion of", "une secte de"]);

/** "cette vermine d'immigrés", "ces parasites d'étrangers", "these muslim vermin". */
const DEHUMANISING_OF_GROUP = `${oneOf(["ces", "cette", "cet", "les", "des", "bande de", "sale", "sales"])} ${DEHUMANISING_NOUN} ${oneOf(["d", "de", "des"])} ${GROUP_WORD}`;
/** "les roms, cette vermine": the comma becomes a "." in the stream. */
const GROUP_THEN_DEHUMANISING = `${GROUP}(?: \\.)? ${oneOf(["cette", "ces", "quelle", "de la", "c est de la", "c est des", "des", "bande de"])} ${DEHUMANISING_PREDICATE}`;

export const GENERALISATION_RULES: readonly StatementRule[] = [
  { pattern: rule(`${GROUP}${GAP} ${DEGRADING_PREDICATE}`), category: "hateful", label: whoWhat("generalisation"), accept: people },
  { pattern: rule(`${GROUP}${GAP} ${DEHUMANISING_PREDICATE}`), category: "hateful", label: whoWhat("dehumanising"), accept: people },
  { pattern: rule(GROUP_THEN_DEHUMANISING), category: "hateful", label: whoWhat("dehumanising"), accept: people },
  { pattern: rule(DEHUMANISING_OF_GROUP), category: "hateful", label: (m) => `dehumanising: ${m[0]}` },
  {
    pattern: rule(`(?<who>${RELIGION}) ${oneOf(["est", "is"])} ${RELIGION_OF} ${DEGRADING_PREDICATE}`),
    category: "hateful",
    label: whoWhat("generalisation"),
  },
  // "Encore un arabe au support, ces gens-là sont tous des voleurs": the pronoun stands for the group.
  { pattern: rule(`${PRONOUN}${GAP} ${DEGRADING_PREDICATE}`), category: "hateful", label: whoWhat("generalisation"), accept: aboutNamedGroup },
  { pattern: rule(`${PRONOUN}${GAP} ${DEHUMANISING_PREDICATE}`), category: "hateful", label: whoWhat("dehumanising"), accept: aboutNamedGroup },
  // "ces gens-là sont des animaux" with no group named: maybe the helpdesk, maybe not. A human decides.
  {
    pattern: rule(`${PRONOUN}${GAP} ${DEHUMANISING_PREDICATE}`),
    category: "review",
    label: named("dehumanising (target unclear)"),
    accept: (m, stream) => !mentionsGroup(stream),
  },
];

/**
 * "les Allemands sont tous des …", "all Germans are …" ending on a word we cannot judge: an
 * essentialising generalisation, for a human to read. Only used where no hateful rule matched.
 */
export const AMBIGUOUS_GENERALISATION_RULES: readonly StatementRule[] = [
  {
    pattern: rule(`${GROUP} ${oneOf(["sont", "c est", "ce sont"])} ${oneOf(["tous", "toutes"])}(?: ${oneOf(["des", "d", "de"])})? (?<what>\\S+)`),
    category: "review",
    label: whoWhat("generalisation (to check)"),
    accept: unjudged,
  },
  {
    pattern: rule(`${GROUP} ${oneOf(["are", "r"])}(?<all> all)? (?<what>\\S+)`),
    category: "review",
    label: whoWhat("generalisation (to check)"),
    accept: (m, stream) => (m.groups?.["all"] !== undefined || /^all /.test(m.groups?.["who"] ?? "")) && unjudged(m, stream),
  },
];
