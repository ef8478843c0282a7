namespace Clip.Core.Imaging.Decoding;

/// <summary>What a library backend needs to decode one checked input.</summary>
internal sealed record DecodeJob(ImageHeader Header, ImageDecodeRequest Request, int Orientation)
{
    public PixelLayout Layout => LayoutRules.For(Header).Layout;

    public bool NearestResample => LayoutRules.For(Header).NearestResample;

    public string FormatName => FormatSniffer.ShortName(Header.Format);
}
