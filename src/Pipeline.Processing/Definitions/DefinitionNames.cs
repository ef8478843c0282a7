namespace Pipeline.Processing.Definitions;

/// <summary>
/// What a stored definition's name may be: the name is a key that people type in requests and read in listings
/// and labels, so it is short, printable and without surrounding spaces.
/// </summary>
public static class DefinitionNames
{
    /// <summary>The longest name, in UTF-16 code units.</summary>
    public const int MaxLength = 128;

    /// <summary>Throws <see cref="FormatException"/> saying what is wrong with <paramref name="name"/>.</summary>
    public static void Check(string? name, string kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException($"A {kind} needs a name.");
        }

        if (name.Length > MaxLength)
        {
            throw new FormatException(
                $"The {kind} name has {name.Length} characters; at most {MaxLength} are allowed.");
        }

        if (name.Any(char.IsControl) || name.Trim().Length != name.Length)
        {
            throw new FormatException(
                $"The {kind} name '{name.Trim()}' has control characters or spaces at its ends; use printable " +
                "characters only.");
        }
    }
}
