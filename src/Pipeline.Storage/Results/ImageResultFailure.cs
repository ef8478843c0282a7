namespace Pipeline.Storage.Results;

/// <summary>Why an image has no embedding.</summary>
/// <param name="Kind">A short machine-readable kind, such as <c>corrupt</c> or <c>unsupported</c>.</param>
/// <param name="Reason">A sentence a person can act on.</param>
public sealed record ImageResultFailure(string Kind, string Reason);
