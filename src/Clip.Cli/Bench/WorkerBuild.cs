namespace Clip.Cli.Bench;

/// <summary>The distributed worker host, built in Release the first time the scale-out stage needs it.</summary>
internal static class WorkerBuild
{
    public static async Task<string> EnsureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        string project = Path.Combine(context.Settings.RepositoryRoot, "workers", "Pipeline.Worker");
        string dll = Path.Combine(project, "bin", "Release", "net10.0", "Pipeline.Worker.dll");
        if (!File.Exists(dll))
        {
            context.Log.Write($"scaleout: building {project} (Release)");
            await ProcessRunner.RunAsync(
                "dotnet", ["build", project, "-c", "Release", "-v", "q", "--nologo"], context.Log, cancellationToken);
        }

        return dll;
    }
}
