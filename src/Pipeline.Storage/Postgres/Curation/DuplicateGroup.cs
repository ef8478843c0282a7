namespace Pipeline.Storage.Postgres.Curation;

/// <summary>Images whose embeddings are within the threshold of each other, directly or through other members.
/// </summary>
/// <param name="Group">Number of the group, from 1, largest groups first.</param>
/// <param name="Members">The images, by image identifier.</param>
public sealed record DuplicateGroup(int Group, IReadOnlyList<DuplicateMember> Members);
