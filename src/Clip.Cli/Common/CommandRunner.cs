using System.CommandLine;

namespace Clip.Cli.Common;

/// <summary>
/// Runs a command's body and turns its failure into one line on stderr and <see cref="ExitCodes.Failure"/>;
/// the stack trace is printed only with <c>--verbose</c>.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        Func<CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("clip: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            bool verbose = parseResult.GetValue(CommonOptions.Verbose);
            await Console.Error.WriteLineAsync($"clip: {e.Message}");
            if (verbose)
            {
                await Console.Error.WriteLineAsync(e.ToString());
            }

            return ExitCodes.Failure;
        }
    }
}
