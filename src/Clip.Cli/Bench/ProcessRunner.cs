using System.Diagnostics;

namespace Clip.Cli.Bench;

/// <summary>Runs a helper program (Python, Node.js) and returns what it printed; its stderr goes to the log.</summary>
internal static class ProcessRunner
{
    public static async Task<string> RunAsync(
        string program,
        IEnumerable<string> arguments,
        BenchLog log,
        CancellationToken cancellationToken,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{program} could not be started.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                log.Write($"{Path.GetFileName(program)}: {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        try
        {
            string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with code {process.ExitCode}.");
            }

            return output;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
