namespace Pipeline.Processing.Curation;

/// <summary>
/// Disjoint sets of image identifiers (union by size, path halving), so that images linked through any chain of
/// near pairs end up in one group.
/// </summary>
public sealed class UnionFind
{
    private readonly Dictionary<long, long> _parent = [];
    private readonly Dictionary<long, int> _size = [];

    /// <summary>Puts the two images in one set.</summary>
    public void Union(long left, long right)
    {
        long a = Find(left);
        long b = Find(right);
        if (a == b)
        {
            return;
        }

        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _size[a] += _size[b];
    }

    /// <summary>The representative of the image's set; an image never seen is a set of its own.</summary>
    public long Find(long item)
    {
        if (!_parent.TryGetValue(item, out long parent))
        {
            _parent[item] = item;
            _size[item] = 1;
            return item;
        }

        while (parent != item)
        {
            long grandparent = _parent[parent];
            _parent[item] = grandparent;
            item = grandparent;
            parent = _parent[item];
        }

        return item;
    }

    /// <summary>Every set with at least two members, each as its members in ascending order.</summary>
    public IReadOnlyList<IReadOnlyList<long>> Sets()
    {
        return _parent.Keys
            .GroupBy(Find)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<long>)g.Order().ToList())
            .ToList();
    }
}
