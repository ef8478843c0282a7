namespace Clip.Cli.Bench;

/// <summary>One table of a stage's results, written as Markdown so it can be pasted into a document as is.</summary>
internal sealed class BenchTable
{
    private readonly string[] _columns;
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    public BenchTable(string title, params string[] columns)
    {
        Title = title;
        _columns = columns.Select(Escape).ToArray();
    }

    /// <summary>What the table shows.</summary>
    public string Title { get; }

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"The table has {_columns.Length} columns; got {cells.Length} cells.");
        }

        _rows.Add(cells.Select(Escape).ToArray());
    }

    /// <summary>A line printed under the table: what was skipped, what bounds a figure, how it was measured.</summary>
    public void AddNote(string note) => _notes.Add(note);

    public void Write(TextWriter writer)
    {
        writer.WriteLine($"### {Title}");
        writer.WriteLine();
        if (_rows.Count > 0)
        {
            int[] widths = _columns.Select((c, i) => Math.Max(c.Length, _rows.Max(r => r[i].Length))).ToArray();
            WriteLine(writer, _columns, widths);
            WriteLine(writer, widths.Select(w => new string('-', w)).ToArray(), widths);
            foreach (string[] row in _rows)
            {
                WriteLine(writer, row, widths);
            }

            writer.WriteLine();
        }

        foreach (string note in _notes)
        {
            writer.WriteLine($"- {note}");
        }

        if (_notes.Count > 0)
        {
            writer.WriteLine();
        }
    }

    // A pipe inside a cell would end the cell in Markdown.
    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);

    private static void WriteLine(TextWriter writer, string[] cells, int[] widths) =>
        writer.WriteLine("| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |");
}
