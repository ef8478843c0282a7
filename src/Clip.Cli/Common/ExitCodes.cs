namespace Clip.Cli.Common;

/// <summary>The process exit codes of <c>clip</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Nothing useful could be done: bad arguments, a model that does not load, an unreadable file.</summary>
    public const int Failure = 1;

    /// <summary>Some inputs failed and got an error line in the output; the others were processed.</summary>
    public const int SomeInputsFailed = 2;
}
