namespace Pipeline.Sources;

/// <summary>An image could not be read from its source.</summary>
public sealed class ImageReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageReadException(string kind, string message, bool isTransient = false, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        IsTransient = isTransient;
    }

    /// <summary>A short machine-readable kind: <c>not-found</c>, <c>too-large</c>, <c>read-failed</c>.</summary>
    public string Kind { get; }

    /// <summary>True when trying again later may succeed (a network error), false when it cannot.</summary>
    public bool IsTransient { get; }
}
