namespace Pipeline.Storage.Postgres;

/// <summary>The lower-case words that the schema's CHECK constraints allow for each state enum.</summary>
internal static class StorageText
{
    public static string From<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static TEnum To<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);
}
