// What is said about a group. Policy: a degrading or dehumanising predicate makes a generalisation
// hateful ("les arabes sont tous des voleurs", "jews control everything"); a positive or factual
// one does not ("les Bretons sont sympas", "the Chinese team delivered on time"); an essentialising
// one we cannot judge ("ils sont tous des …" followed by an unknown word) goes to review.
import { anyOf, oneOf, some } from "./pattern.js";

/** Words between the group and the predicate that do not change its meaning. */
const FILLER = oneOf([
  "sont", "c est", "ce sont", "etaient", "seront", "restent", "reste", "est", "r", "are", "were",
  "is", "be", "all", "tous", "toutes", "tout", "vraiment", "really", "just", "only", "que", "qu",
  "juste", "rien", "toujours", "always", "tjrs", "trop", "too", "bien", "so", "naturellement",
  "naturally", "par nature", "by nature", "en general", "generally", "mostly", "souvent", "often",
  "basically", "genetiquement", "genetically", "des", "de", "d", "la", "le", "les", "du", "une",
  "un", "a", "an", "the", "of", "them", "nothing but", "ne", "n", "pas", "plus", "more", "most",
  "franchement", "clairement", "clearly", "obviously", "evidemment", "forcement", "encore",
  "tous pareils \\.", "toutes pareilles \\.", "nous", "que des", "que de", "la plupart",
  "like", "just like", "comme", "comme des",
]);
export const GAP = some(FILLER, 5);

/** Nouns and adjectives that degrade whoever they are said of. */
const DEGRADING: readonly string[] = [
  // French
  "voleur", "voleuse", "terroriste", "faineant", "feignant", "feignasse", "delinquant", "dealer",
  "racaille", "escroc", "profiteur", "envahisseur", "barbare", "ivrogne", "alcoolique", "soumise",
  "soumis", "malade", "criminel", "violeur", "assassin", "sauvage", "arriere", "incapable",
  "assiste", "menteur", "fraudeur", "voyou", "bandit", "trafiquant", "sale", "degoutant",
  "dangereux", "dangereuse", "violent", "paresseux", "paresseuse", "stupide", "idiot", "debile",
  "inferieur", "moins intelligent", "radin", "rapace", "fourbe", "hypocrite", "fanatique",
  "extremiste", "pedophile", "mafieux", "pilleur", "bon a rien", "bons a rien", "minable",
  "plaie", "merde", "raclure", "ordure", "dechet", "pourriture", "sous race", "cas soc",
  "cas sociaux", "fleau", "menace", "danger", "escrocs", "connard", "con", "cons",
  // English
  "thief", "thieves", "terrorist", "criminal", "rapist", "drug dealer", "dealer", "groomer",
  "lazy", "dirty", "filthy", "greedy", "violent", "stupid", "dumb", "inferior", "less intelligent",
  "dangerous", "scum", "trash", "filth", "liar", "evil", "savage", "barbarian", "freeloader",
  "invader", "worthless", "retarded", "pedophile", "paedophile", "gangster", "thug", "backward",
  "primitive", "disgusting", "useless", "menace", "threat", "idiots", "morons",
];

/** Verb phrases that make a group a danger or a conspiracy, written as they appear in streams. */
const DEGRADING_VERBS: readonly string[] = [
  // French
  "controlent", "controle tout", "manipulent", "sont derriere tout", "derriere tout", "dirigent", "possedent", "ont tout l argent", "ont tout",
  "volent", "piquent", "pillent", "envahissent", "profitent", "detruisent", "tuent", "egorgent",
  "puent", "sentent mauvais", "pullulent", "grouillent", "se reproduisent comme des lapins",
  "respectent rien", "respectent pas", "ont rien a faire", "ont pas leur place", "ont rien a foutre",
  "savent pas travailler", "savent pas bosser", "savent pas conduire", "savent pas se tenir",
  "savent pas se comporter", "savent pas vivre", "savent rien faire", "savent que voler",
  "savent que profiter", "savent que mentir", "savent que tuer", "savent que casser",
  "font que voler", "font que profiter", "viennent voler", "viennent piquer", "viennent profiter",
  "sont pas capables", "capables de rien", "peuvent pas travailler", "peuvent pas bosser",
  "responsables de tous nos", "responsables de nos", "responsables de tout", "valent rien",
  "meritent de mourir", "meritent la mort", "meritent de crever",
  // English
  "control", "controls", "run the world", "run the banks", "run the media", "run everything",
  "run hollywood", "run the government", "run this country", "own the media", "own the banks",
  "own everything", "own the world", "manipulate", "are behind everything", "behind everything", "own hollywood", "steal", "stealing", "rob", "robbing",
  "ruin everything", "ruin this country", "ruin our country", "destroying", "destroy our",
  "destroy this", "taking over", "invade", "invading", "breed like", "smell", "stink",
  "can t be trusted", "can t do anything", "can t do their job", "can t work", "can t write",
  "can t drive", "can t think", "can t speak", "can t read", "can t learn", "can t behave",
  "cannot be trusted", "cannot do anything", "cannot work", "too stupid", "don t belong",
  "do not belong", "have no place", "should not be allowed", "shouldn t be allowed",
  "deserve to die",
];

/** Words that deny a group is human. Said of a computer ("le PC a des parasites"), they are not. */
const DEHUMANISING: readonly string[] = [
  // French
  "parasite", "vermine", "cafard", "rats", "animaux", "animal", "singe", "macaque", "sangsue",
  "sous homme", "bete", "betes", "nuisible", "microbe", "virus", "peste", "insecte", "cancrelat",
  "chien", "porc", "cochon", "bestiaux", "betail", "tique", "poux", "cancer", "maladie",
  "pas des humains", "pas humains",
  // English
  "vermin", "animals", "rat", "cockroach", "cockroaches", "roaches", "monkey", "ape", "subhuman",
  "leech", "leeches", "disease", "plague", "pest", "insect", "beast", "dogs", "pigs", "cattle",
  "not human", "not even human", "infestation", "swarm",
];

/** Every predicate word, for reading obfuscated spellings (canonical.ts). */
export const PREDICATE_ENTRIES: readonly string[] = [...DEGRADING, ...DEGRADING_VERBS, ...DEHUMANISING];

export const DEGRADING_PREDICATE = `(?<what>${anyOf([...DEGRADING, ...DEGRADING_VERBS])})`;
export const DEHUMANISING_PREDICATE = `(?<what>${anyOf(DEHUMANISING)})`;
/** Dehumanising words as nouns ("cette vermine d'immigrés"), no capture. */
export const DEHUMANISING_NOUN = anyOf(DEHUMANISING);

/** What an essentialising phrase may end on and stay clean ("ils sont tous des gens adorables"). */
export const POSITIVE = anyOf([
  "sympa", "sympas", "gentil", "adorable", "competent", "top", "super", "genial", "geniaux",
  "travailleur", "accueillant", "ponctuel", "serieux", "fiable", "bon", "bons", "excellent",
  "formidable", "chaleureux", "great", "nice", "kind", "friendly", "helpful", "amazing", "awesome",
  "hardworking", "hard working", "lovely", "smart", "brilliant", "welcoming", "good", "gens",
  "people", "collegue", "colleague", "pro", "professionnel", "professional", "expert",
]);
