namespace Clip.Core.Models;

/// <summary>
/// A model folder that cannot be used: a missing file, an unreadable configuration, or an ONNX graph whose inputs
/// and outputs are not the ones a CLIP export has. The message names the file and says what was expected.
/// </summary>
public sealed class ClipModelException : Exception
{
    /// <summary>Creates the exception with a message that names the file and what was expected.</summary>
    public ClipModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    public ClipModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the constructors that say what went wrong.</summary>
    public ClipModelException()
    {
    }
}
