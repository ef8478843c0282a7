using System.Text.Json.Serialization;

namespace Pipeline.Processing.Curation;

/// <summary>What an attempt to start a re-embedding did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReembedOutcome>))]
public enum ReembedOutcome
{
    /// <summary>A job was submitted for the images that lack an embedding.</summary>
    Started,

    /// <summary>Nothing: a re-embedding of the model is under way.</summary>
    AlreadyRunning,

    /// <summary>Nothing: every stored image has an embedding of the model.</summary>
    NothingToEmbed,
}
