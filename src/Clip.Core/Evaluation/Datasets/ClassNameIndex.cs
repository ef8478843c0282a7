namespace Clip.Core.Evaluation.Datasets;

/// <summary>
/// Turns class names into indices while a file is read: a fixed list when the file declares its classes, else a
/// list that grows in order of first use.
/// </summary>
internal sealed class ClassNameIndex
{
    private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly bool _fixed;

    public ClassNameIndex(IEnumerable<string>? declared)
    {
        foreach (string name in declared ?? [])
        {
            if (!_indices.TryAdd(name, _names.Count))
            {
                throw new FormatException($"class '{name}' is declared twice");
            }

            _names.Add(name);
        }

        _fixed = _names.Count > 0;
    }

    /// <summary>The classes, in index order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The index of <paramref name="name"/>; a <see cref="FormatException"/> if it is unknown.</summary>
    public int IndexOf(string name)
    {
        if (_indices.TryGetValue(name, out int index))
        {
            return index;
        }

        if (_fixed)
        {
            throw new FormatException($"label '{name}' is not one of the declared classes");
        }

        _indices[name] = _names.Count;
        _names.Add(name);
        return _names.Count - 1;
    }

    /// <summary>The distinct indices of <paramref name="names"/>, ascending.</summary>
    public int[] IndicesOf(IEnumerable<string> names) => names.Select(IndexOf).Distinct().Order().ToArray();
}
