namespace Clip.Core.Embeddings;

/// <summary>
/// Builds the attention mask a text encoder takes beside its ids. Exports pad after the end-of-text token with 0
/// or with more end-of-text ids, so padding cannot be recognised by value; everything up to and including the
/// first end-of-text id is text.
/// </summary>
internal static class AttentionMask
{
    /// <summary>
    /// Writes 1 for the positions up to and including the first <paramref name="endOfTextId"/> in each row of
    /// <paramref name="ids"/> and 0 after it; a row without one is all text.
    /// </summary>
    public static void Fill(ReadOnlySpan<long> ids, int contextLength, long endOfTextId, Span<long> mask)
    {
        if (ids.Length != mask.Length || ids.Length % contextLength != 0)
        {
            throw new ArgumentException(
                $"Ids ({ids.Length}) and mask ({mask.Length}) must be whole rows of {contextLength}.");
        }

        for (int start = 0; start < ids.Length; start += contextLength)
        {
            ReadOnlySpan<long> row = ids.Slice(start, contextLength);
            int end = row.IndexOf(endOfTextId);
            int textLength = end < 0 ? contextLength : end + 1;
            mask.Slice(start, textLength).Fill(1);
            mask.Slice(start + textLength, contextLength - textLength).Clear();
        }
    }
}
