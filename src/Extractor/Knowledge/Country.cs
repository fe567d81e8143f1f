namespace Extractor.Knowledge;

/// <summary>A country or territory from ISO 3166-1 (plus Kosovo), under the name news text uses for it.</summary>
/// <param name="Alpha2">ISO 3166-1 alpha-2 code, e.g. <c>US</c>; <c>XK</c> for Kosovo.</param>
/// <param name="Alpha3">ISO 3166-1 alpha-3 code, e.g. <c>USA</c>; <c>XKX</c> for Kosovo.</param>
/// <param name="Name">Common English short name, e.g. <c>United States</c>, <c>South Korea</c>, <c>Turkey</c>.</param>
internal sealed record Country(string Alpha2, string Alpha3, string Name);
