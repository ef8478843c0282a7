using System.CommandLine;

namespace Clip.Cli.Common;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary><c>--verbose</c>: also log progress and the execution provider to stderr.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log progress to stderr (which execution provider runs the model, batch counts).",
        Recursive = true,
    };

    /// <summary>A new <c>--model</c> option (an option instance belongs to one command).</summary>
    public static Option<DirectoryInfo?> Model() => new("--model", "-m")
    {
        Description = $"Model folder in the Hugging Face export layout. Default: {DefaultModel.RelativePath} in " +
            "the folder of the clip executable or the nearest folder above it that has one.",
        HelpName = "DIR",
    };

    /// <summary>Makes the parser refuse a value of <paramref name="option"/> below 1, naming the option.</summary>
    public static void RequireAtLeastOne(Option<int> option) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < 1)
        {
            result.AddError($"{option.Name} must be at least 1.");
        }
    });
}
