// How search text is folded, one definition for both sides: the query in JavaScript and the
// stored text in SQLite (registered there as the SQL function fold()). Case is folded for all
// of Unicode ("ÉMILE" -> "émile"), and accents on Latin letters are dropped ("émile" -> "emile"),
// as the FTS5 index does with remove_diacritics; marks of other scripts (Devanagari vowel
// signs) are letters there, so they are kept.
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC').toLowerCase();
}
