namespace Pipeline.Orchestrator.Review;

/// <summary>
/// The content type of raster formats that every browser shows, from the file's first bytes; anything else
/// (SVG above all, which can carry script) is not served.
/// </summary>
internal static class BrowserImageType
{
    public static string? Of(ReadOnlySpan<byte> data) => data switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [(byte)'B', (byte)'M', ..] => "image/bmp",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..]
            => "image/webp",
        _ => null,
    };
}
