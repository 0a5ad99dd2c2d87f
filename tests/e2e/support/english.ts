/**
 * Three Latin words in a row: an English sentence (or part of one). File names, codes such as
 * PACK_INVALID and reason keys such as pack.truncated do not match; "The file is truncated" does.
 */
export const ENGLISH_SENTENCE = /[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/;
