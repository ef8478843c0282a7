namespace Pipeline.Processing.Engine;

/// <summary>The bytes of an image cannot be turned into model input; the image gets an error record.</summary>
public sealed class ImageRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageRejectedException(string kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>A short machine-readable kind, such as <c>corrupt</c>, <c>unsupported</c>, <c>too-large</c>.</summary>
    public string Kind { get; }
}
