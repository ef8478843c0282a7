using System.Diagnostics;
using Clip.Core.Tests;

namespace Clip.Cli.Tests;

/// <summary>Runs the built <c>clip</c> executable in a child process and captures what it prints.</summary>
internal static class ClipProcess
{
    public static string TinyModel => Path.Combine(SharedData.RepositoryRoot, "tests", "fixtures", "tiny-clip");

    public static async Task<ClipResult> RunAsync(string? stdin, params string[] args)
    {
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))
            .Parent!.Name;
        string dll = Path.Combine(SharedData.RepositoryRoot, "src", "Clip.Cli", "bin", configuration, "net10.0",
            "clip.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ClipResult(process.ExitCode, await output, await error);
    }
}

/// <summary>What a run of <c>clip</c> did.</summary>
internal sealed record ClipResult(int ExitCode, string Output, string Error);
