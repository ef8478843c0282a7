using System.Collections.Concurrent;

namespace Clip.Core.Text.Bpe;

/// <summary>
/// A bounded, thread-safe cache of the token ids of words. Words go into the current generation; when it is full it
/// becomes the previous one and the older previous one is dropped, so frequently used words survive (a hit in the
/// previous generation copies the word forward) while memory stays under two generations.
/// </summary>
internal sealed class BpeWordCache
{
    private readonly int _generationCapacity;
    private readonly Lock _rotation = new();
    private Generation _current = new();
    private Generation _previous = new();

    /// <summary>Creates a cache that holds up to twice <paramref name="generationCapacity"/> words.</summary>
    public BpeWordCache(int generationCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(generationCapacity);
        _generationCapacity = generationCapacity;
    }

    /// <summary>Looks a word up without allocating.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out int[] tokenIds)
    {
        Generation current = Volatile.Read(ref _current);
        if (current.Lookup.TryGetValue(word, out tokenIds!))
        {
            return true;
        }

        if (Volatile.Read(ref _previous).Lookup.TryGetValue(word, out string? key, out tokenIds!))
        {
            Add(key, tokenIds);
            return true;
        }

        return false;
    }

    /// <summary>Stores the token ids of a word.</summary>
    public void Add(string word, int[] tokenIds)
    {
        Generation current = Volatile.Read(ref _current);
        if (current.Words.TryAdd(word, tokenIds) && Interlocked.Increment(ref current.Count) >= _generationCapacity)
        {
            lock (_rotation)
            {
                if (ReferenceEquals(_current, current))
                {
                    Volatile.Write(ref _previous, current);
                    Volatile.Write(ref _current, new Generation());
                }
            }
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, int[]> Words = new(StringComparer.Ordinal);
        public int Count;

        public Generation()
        {
            Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }
    }
}
