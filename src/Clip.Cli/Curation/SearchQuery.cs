using Clip.Cli.Common;
using Pipeline.Storage;
using Pipeline.Storage.Postgres.Curation;

namespace Clip.Cli.Curation;

/// <summary>The filter of <c>clip search</c>, read from <c>--label SET:LABEL</c>, <c>--min-score</c>,
/// <c>--policy</c> and <c>--decision</c>.</summary>
internal static class SearchQuery
{
    public static SearchFilter Filter(string? label, float minScore, string? policy, string? decision)
    {
        string? set = null;
        string? name = null;
        if (label is not null)
        {
            int colon = label.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == label.Length - 1)
            {
                throw new CliException($"--label must be SET:LABEL, such as animals:cat; got '{label}'.");
            }

            (set, name) = (label[..colon], label[(colon + 1)..]);
        }

        if ((policy is null) != (decision is null))
        {
            throw new CliException("Give --policy and --decision together.");
        }

        ModerationDecision? chosen = decision is null
            ? null
            : Enum.TryParse(decision, ignoreCase: true, out ModerationDecision d)
                ? d
                : throw new CliException($"--decision must be allow, review or block; got '{decision}'.");
        return new SearchFilter(set, name, minScore, policy, chosen);
    }
}
