// Protected groups (origin, ethnicity, nationality, religion, skin colour, and sexual orientation,
// which the product rule treats alike) and the noun phrases that name them as a whole.
//
// A group word alone is ordinary ("notre client marocain", "clavier arabe", "fêtes juives"): only
// a phrase that names the whole group counts — "les arabes", "tous ces étrangers", "all muslims",
// "black people", "jews" — and only when a hateful predicate follows it (see the rule files).
import { anyOf, anywhere, oneOf } from "./pattern.js";

/** French, singular; the matcher accepts -e/-s/-es on 4+ letters, irregular forms are listed. */
const FR_GROUPS: readonly string[] = [
  "arabe", "arab", "noir", "black", "renoi", "rebeu", "reubeu", "beur", "juif", "juive", "feuj",
  "musulman", "immigre", "migrant", "refugie", "etranger", "clandestin", "sans papiers",
  "africain", "maghrebin", "asiatique", "chinois", "roms", "gitan", "manouche", "tsigane",
  "tzigane", "romanichel", "gens du voyage", "roumain", "turc", "turque", "polonais", "portugais",
  "algerien", "marocain", "tunisien", "senegalais", "malien", "comorien", "indien", "pakistanais",
  "vietnamien", "mexicain", "israelien", "palestinien", "syrien", "afghan", "albanais", "kurde",
  "antillais", "blanc", "blanche", "chretien", "catholique", "protestant", "hindou", "bouddhiste",
  "homosexuel", "homo", "gays", "lesbienne", "trans", "pede", "allemand", "italien", "espagnol",
  "anglais", "americain", "belge", "russe", "ukrainien", "japonais", "coreen", "femmes voilees",
];

/** English nouns, singular; plurals are derived (see plural()). */
const EN_GROUP_NOUNS: readonly string[] = [
  "arab", "black", "white", "jew", "muslim", "moslem", "mexican", "immigrant", "migrant",
  "refugee", "foreigner", "illegal", "african", "asian", "indian", "pakistani", "paki", "gypsy",
  "romanian", "turk", "syrian", "somali", "hindu", "sikh", "christian", "catholic", "gay",
  "lesbian", "homosexual", "latino", "hispanic", "nigerian", "russian", "german", "italian",
  "american", "israeli", "palestinian", "afghan", "albanian", "kurd",
];

/** English words that name a group only before "people", "men"… ("jewish people", "the Chinese"). */
const EN_GROUP_ADJECTIVES: readonly string[] = [
  "black", "white", "brown", "jewish", "muslim", "chinese", "japanese", "vietnamese", "asian",
  "african", "arab", "indian", "mexican", "gay", "trans", "polish", "irish", "french", "english",
  "german", "russian", "roma", "romani", "gypsy", "immigrant", "foreign", "hindu", "christian",
  "catholic", "latino", "hispanic", "somali", "syrian", "pakistani", "turkish", "middle eastern",
];
const EN_INVARIABLE = ["chinese", "japanese", "vietnamese", "roma", "french", "english", "irish", "polish", "dutch"];
const EN_PEOPLE = oneOf([
  "people", "folks?", "men", "women", "guys", "kids", "families", "immigrants", "migrants",
  "refugees", "workers", "ones",
]);

function plural(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

const EN_PLURALS = [...EN_GROUP_NOUNS.map(plural), "jews"];

/** Every group word, for reading obfuscated spellings (canonical.ts). */
export const GROUP_ENTRIES: readonly string[] = [...FR_GROUPS, ...EN_GROUP_NOUNS, ...EN_PLURALS, ...EN_GROUP_ADJECTIVES];

/** The group word of a match, captured as `who` so the rule's label can show it. */
const FR_WORD = anyOf(FR_GROUPS);
const EN_WORD = `(?:${anyOf(EN_PLURALS)}|${anyOf(EN_GROUP_ADJECTIVES)} ${EN_PEOPLE}|the ${oneOf(EN_INVARIABLE)})`;

const FR_DETERMINER = oneOf(["les", "ces", "tous les", "toutes les", "tous ces", "toutes ces", "ses", "vos"]);
const EN_DETERMINER = oneOf([
  "all", "all the", "all of the", "all these", "all those", "most", "those", "these", "the",
  "bloody", "fucking", "damn", "filthy", "typical", "every single", "you",
]);

/** "les arabes", "tous ces étrangers", "all muslims", "muslims", "black people", "the chinese". */
export const GROUP = `(?<who>${FR_DETERMINER} ${FR_WORD}|(?:${EN_DETERMINER} )?${EN_WORD})`;
/** Same, without capture, for rules that name the group twice or label something else. */
export const ANY_GROUP = `(?:${FR_DETERMINER} ${FR_WORD}|(?:${EN_DETERMINER} )?${EN_WORD})`;
/** A bare group word, as in "cette vermine d'immigrés", "go home you foreigner". */
export const GROUP_WORD = `(?:${FR_WORD}|${anyOf(EN_GROUP_NOUNS)}|${anyOf(EN_PLURALS)})`;

/**
 * "ils", "ces gens-là", "they": a group only when the comment has named one ("Encore un arabe au
 * support, ces gens-là sont tous des voleurs"); said of the helpdesk, it is criticism.
 */
export const PRONOUN = `(?<who>${oneOf([
  "ils", "elles", "ces gens la", "ces gens", "ceux la", "celles la", "cette race", "ce peuple",
  "ces individus", "ces types la", "they", "these people", "those people", "that lot", "their kind",
])})`;

const MENTION = anywhere(
  `${oneOf(["un", "une", "des", "les", "ces", "cet", "cette", "encore un", "encore une", "aux", "a", "an", "another", "those", "these", "all"])} ${GROUP_WORD}`,
);

/** The comment names a group as people (not "notre client marocain"), so pronouns may refer to it. */
export function mentionsGroup(stream: string): boolean {
  return MENTION.test(stream);
}

/** "Les noirs ne sont pas assez profonds sur ce moniteur": colours, not people. */
const COLOUR_WORD = /^(?:\S+ )*(?:noir|blanc|blanche|black|white)e?s?$/;
const COLOUR_CONTEXT = anywhere(
  oneOf([
    "ecrans?", "moniteurs?", "oled", "lcd", "photos?", "images?", "impressions?", "imprim\\w*", "encre",
    "toner", "couleurs?", "contraste", "pixels?", "webcam", "cameras?", "videos?", "screens?",
    "monitors?", "displays?", "print\\w*", "ink", "colou?rs?", "themes?", "fonds?", "backgrounds?",
    "cables?", "leds?", "touches?", "keys?", "claviers?", "keyboards?", "polices?", "fonts?",
  ]),
);

/** False when the "group" is a colour word in a comment about screens, prints or cables. */
export function isPeople(who: string, stream: string): boolean {
  return !(COLOUR_WORD.test(who) && COLOUR_CONTEXT.test(stream));
}
