namespace Pipeline.Contracts;

/// <summary>An image that could not be embedded, with the reason. The rest of its batch goes on.</summary>
/// <param name="Uri">The image's URI.</param>
/// <param name="Kind">A short machine-readable kind, such as <c>corrupt</c>, <c>unsupported</c>,
/// <c>too-large</c>.</param>
/// <param name="Reason">A sentence a person can act on.</param>
public sealed record ImageFailure(string Uri, string Kind, string Reason);
