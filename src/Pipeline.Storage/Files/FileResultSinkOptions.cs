namespace Pipeline.Storage.Files;

/// <summary>Where the embedded mode writes its results.</summary>
public sealed class FileResultSinkOptions
{
    /// <summary>The output folder; created when missing. Default: <c>clip-output</c> in the current folder.</summary>
    public string OutputDirectory { get; set; } = "clip-output";

    /// <summary>Checks the options; throws with the option's name when one is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("FileResultSinkOptions.OutputDirectory must name a folder.");
        }
    }
}
