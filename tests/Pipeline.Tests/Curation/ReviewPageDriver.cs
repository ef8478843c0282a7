using System.Diagnostics;
using System.Text.Json;
using Clip.Core.Tests;
using Pipeline.Tests.Distributed;

namespace Pipeline.Tests.Curation;

/// <summary>Runs tests/browser/review.mjs against an orchestrator, installing the browser first when needed.
/// </summary>
internal static class ReviewPageDriver
{
    private static string BrowserFolder => Path.Combine(SharedData.RepositoryRoot, "tests", "browser");

    public static async Task<JsonElement> RunAsync(
        string url,
        string screenshots,
        string newLabel,
        HostProcess orchestrator)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(BrowserFolder, "review.mjs")])
        {
            WorkingDirectory = BrowserFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REVIEW_URL"] = url;
        start.Environment["SCREENSHOTS"] = screenshots;
        start.Environment["NEW_LABEL"] = newLabel;
        start.Environment["CHROMIUM"] =
            Environment.GetEnvironmentVariable("CLIP_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("review.mjs did not finish in 90 s.\n" + orchestrator.Output);
        }

        string text = await output;
        Assert.True(process.ExitCode == 0,
            $"review.mjs exited {process.ExitCode}: {text}\n{await errors}\n--- orchestrator ---\n" +
            orchestrator.Output);
        return JsonDocument.Parse(text.Trim().Split('\n')[^1]).RootElement;
    }

    public static void EnsureBrowser()
    {
        string chromium = Environment.GetEnvironmentVariable("CLIP_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (File.Exists(chromium) && Directory.Exists(Path.Combine(BrowserFolder, "node_modules", "playwright-core")))
        {
            return;
        }

        string script = Path.Combine(SharedData.RepositoryRoot, "infra", "services", "browser.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "up"]))!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "infra/services/browser.sh up failed; run it as root.");
    }

    public static async Task WaitForHealthAsync(string url, HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(host.HasExited, "The orchestrator exited early.\n" + host.Output);
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(300);
        }

        throw new TimeoutException("The orchestrator did not become healthy.\n" + host.Output);
    }
}
