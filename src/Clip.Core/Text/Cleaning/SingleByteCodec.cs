namespace Clip.Core.Text.Cleaning;

/// <summary>
/// A single-byte character encoding as a 256-entry table, for re-encoding text that was decoded with the wrong one.
/// </summary>
internal sealed class SingleByteCodec
{
    private readonly Dictionary<char, byte> _bytesByChar;

    private SingleByteCodec(string name, string decodingTable, bool isSloppy)
    {
        Name = name;
        DecodingTable = decodingTable;
        IsSloppy = isSloppy;
        _bytesByChar = new Dictionary<char, byte>(256);
        for (int value = 0; value < 256; value++)
        {
            _bytesByChar.TryAdd(decodingTable[value], (byte)value);
        }
    }

    /// <summary>
    /// The encodings ftfy tries, in its order. The sloppy windows code pages decode their unassigned bytes as
    /// Latin-1 and byte 0x1A as U+FFFD, so text with a lost character still re-encodes.
    /// </summary>
    public static IReadOnlyList<SingleByteCodec> FtfyCandidates { get; } =
    [
        new("latin-1", SingleByteCodecTables.Latin1, isSloppy: false),
        new("sloppy-windows-1252", SingleByteCodecTables.SloppyWindows1252, isSloppy: true),
        new("sloppy-windows-1251", SingleByteCodecTables.SloppyWindows1251, isSloppy: true),
        new("sloppy-windows-1250", SingleByteCodecTables.SloppyWindows1250, isSloppy: true),
        new("sloppy-windows-1253", SingleByteCodecTables.SloppyWindows1253, isSloppy: true),
        new("sloppy-windows-1254", SingleByteCodecTables.SloppyWindows1254, isSloppy: true),
        new("sloppy-windows-1257", SingleByteCodecTables.SloppyWindows1257, isSloppy: true),
        new("iso-8859-2", SingleByteCodecTables.Iso8859_2, isSloppy: false),
        new("macroman", SingleByteCodecTables.MacRoman, isSloppy: false),
        new("cp437", SingleByteCodecTables.Cp437, isSloppy: false),
    ];

    /// <summary>Latin-1, the first of <see cref="FtfyCandidates"/>.</summary>
    public static SingleByteCodec Latin1 => FtfyCandidates[0];

    /// <summary>Windows-1252 with Latin-1 for its unassigned bytes.</summary>
    public static SingleByteCodec SloppyWindows1252 => FtfyCandidates[1];

    /// <summary>The name Python knows the encoding by.</summary>
    public string Name { get; }

    /// <summary>The character of each byte value.</summary>
    public string DecodingTable { get; }

    /// <summary>True for the lenient windows code pages (see <see cref="FtfyCandidates"/>).</summary>
    public bool IsSloppy { get; }

    /// <summary>True when every character of <paramref name="text"/> has a byte in this encoding.</summary>
    public bool CanEncode(string text)
    {
        foreach (char c in text)
        {
            if (!_bytesByChar.ContainsKey(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bytes of <paramref name="text"/>; call <see cref="CanEncode"/> first.</summary>
    public byte[] Encode(string text)
    {
        var bytes = new byte[text.Length];
        for (int index = 0; index < text.Length; index++)
        {
            bytes[index] = _bytesByChar[text[index]];
        }

        return bytes;
    }

    /// <summary>The character that byte <paramref name="value"/> stands for.</summary>
    public char Decode(byte value) => DecodingTable[value];
}
