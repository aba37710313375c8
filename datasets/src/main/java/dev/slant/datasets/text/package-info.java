/**
 * The two text views of an article: the normalized view ({@link dev.slant.datasets.text.TextNormalizer}, the
 * classic ISOT cleaning that bag-of-words features read) and the sentence view
 * ({@link dev.slant.datasets.text.SentenceSplitter}, sentences with their {@link dev.slant.datasets.text.Span}s in
 * the original text, which explanations rank). Both are pure functions of the text: no state, no I/O.
 */
package dev.slant.datasets.text;
