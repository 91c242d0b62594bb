// Case- and diacritics-insensitive form of a name, for lookups by last name.

// Letters that Unicode does not decompose into a base letter and a combining mark.
const SPECIAL: Readonly<Record<string, string>> = Object.freeze({
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
});
const SPECIAL_PATTERN = /[ßẞæœøłđðþı]/g;
const MARKS = /\p{M}/gu;
const SPACES = /\s+/g;

/** "Müller", "MULLER" and " muller " all fold to "muller"; "Ёлкина" and "елкина" to "елкина". */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (c) => SPECIAL[c] ?? c)
    .replace(SPACES, " ")
    .trim();
}
