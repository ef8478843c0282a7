namespace Pipeline.Storage;

/// <summary>A submitted job: what to read, with which model, and which tasks to run.</summary>
/// <param name="Id">Job identifier chosen by the submitter, so that a resubmission is recognised.</param>
/// <param name="Source">Source of the images, for example a container and prefix or a folder.</param>
/// <param name="ModelId">Registered model to run.</param>
/// <param name="TasksJson">The tasks (embed, label with a label set, moderate with a policy) as a JSON document.
/// </param>
public sealed record JobDefinition(Guid Id, string Source, int ModelId, string TasksJson);
