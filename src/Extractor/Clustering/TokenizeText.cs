using Extractor.Text;

namespace Extractor.Clustering;

/// <summary>
/// Splits one paragraph of raw text into tokens, appending half-open offsets to <paramref name="tokens"/>.
/// </summary>
/// <remarks>
/// Shaped like <c>Tokenizer.Tokenize</c> so the project tokenizer's method group converts directly; clusters must be
/// learned on the same tokens the recognizer will look up, so the caller supplies the tokenizer rather than this folder
/// carrying its own.
/// </remarks>
internal delegate void TokenizeText(ReadOnlySpan<char> text, List<Token> tokens);
