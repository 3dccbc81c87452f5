// French word lists. Entries are matched as whole words (or whole phrases) on a normalised form,
// so "con" never fires inside "constater" or "cocon". Plurals of 4+ letter words ("connards",
// "sales arabes") and repeated letters ("connnnard", "enculée") are handled by the matcher, not here.
// Accents may be written or not: "pédé" and "pede" are the same entry.
import type { TermLists } from "./types.js";

/**
 * Groups that "sale …" (dirty …) and "espèce de …" attacks target. On their own these words are
 * ordinary ("clavier arabe", "écran noir"), so only the attacking phrase is listed.
 */
const TARGETED_GROUPS: readonly string[] = [
  "arabe", "juif", "juive", "noir", "nègre", "black", "rebeu", "beur", "renoi", "feuj", "chinois",
  "asiat", "gitan", "rom", "manouche", "musulman", "immigré", "étranger", "africain", "portugais",
  "polonais", "turc", "pédé", "gouine", "tapette", "singe", "macaque",
];

/** Slurs that are hateful whatever surrounds them. */
const FR_SLURS: readonly string[] = [
  // racist / xenophobic
  "bougnoule", "bougnoul", "bicot", "négro", "nègre", "négresse", "bamboula", "chinetoque",
  "chintok", "niakoué", "crouille", "boukak",
  // antisemitic
  "youpin", "youtre",
  // homophobic / transphobic
  "pédé", "tarlouze", "tarlouse", "tantouze", "gouine", "travelo",
];

/** Hateful phrases: exclusion, extermination, supremacy. */
const FR_HATEFUL_PHRASES: readonly string[] = [
  "rentre dans ton pays", "retourne dans ton pays", "rentre chez toi dans ton pays",
  "rentrez dans votre pays", "retournez dans votre pays", "rentre au bled", "retourne au bled",
  "retourne en afrique", "rentre en afrique", "retourne dans ta brousse",
  "la france aux français", "dehors les arabes", "dehors les immigrés", "dehors les étrangers",
  "mort aux juifs", "mort aux arabes", "mort aux noirs", "mort aux pédés",
  "sale race", "sous race", "race inférieure", "sous homme", "hitler avait raison",
];

export const FR_LISTS: TermLists = {
  hateful: [...FR_SLURS, ...FR_HATEFUL_PHRASES, ...TARGETED_GROUPS.map((g) => `sale ${g}`)],

  // Insults aimed at a person. "incompétent" alone stays clean: it is criticism of the service,
  // which the helpdesk wants to read; "incompétent de merde" is an insult.
  insult: [
    "connard", "conard", "connasse", "conasse", "conne", "enculé", "enculer", "enculeur",
    "abruti", "crétin", "débile", "imbécile", "idiot", "salope", "saloppe", "salopard", "salaud", "pute",
    "fils de pute", "fdp", "pouffiasse", "pétasse", "grognasse", "garce", "enfoiré", "bâtard",
    "raclure", "bouffon", "bouffonne", "tocard", "couillon", "couillonne", "branleur",
    "branleuse", "trouduc", "trou du cul", "tête de con", "tête de bite", "pauvre con",
    "sale con", "gros con", "quel con", "espèce de con", "bande de cons", "grosse merde",
    "sac à merde", "sous merde", "incompétent de merde", "bon à rien", "bonne à rien",
    "ta gueule", "ferme ta gueule", "ftg", "va te faire foutre", "va chier", "nique ta mère",
    "nique ta race", "ntm", "je t'emmerde", "je vous emmerde", "mongolien", "mongolienne",
    "attardé mental", "trisomique",
  ],

  review: [
    // Profanity not clearly aimed at someone ("putain, encore en panne").
    "merde", "merdique", "merdeux", "putain", "ptain", "ptn", "bordel", "chiant", "chier",
    "fait chier", "emmerde", "emmerdant", "foutu", "foutre",
    "con", "à la con", "gueule", "couille", "casse couilles", "nique", "niquer",
    // Threats: a human decides whether to escalate.
    "je vais te retrouver", "je vais vous retrouver", "on va te retrouver", "on va vous retrouver",
    "je sais où tu habites", "je sais où vous habitez", "je vais te tuer", "je vais vous tuer",
    "je vais te buter", "je vais te crever", "je vais te casser la gueule", "je vais te défoncer",
    "tu vas me le payer", "vous allez me le payer", "tu vas le payer", "vous allez le payer",
    "gare à toi", "fais gaffe à toi",
    // Not listed, too often innocent: "va mourir" / "va crever" (a dying disk, a flat tyre),
    // "bite" (English "bite"), "attardé" ("il s'est attardé pour tout vérifier").
    // Ambiguous: a slur in some mouths, an ordinary word in others (Niger the country, "raton
    // laveur", a fly "tapette", a bike "pédale", a badger, a cannonball, the Mongol people…).
    "niger", "raton", "tapette", "pédale", "macaque", "mongol", "blaireau", "boulet", "ordure",
    "pd", "tg", "nazi", "facho", "guignol", "nullos", "chienne",
  ],
};
