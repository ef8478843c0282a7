using System.Buffers.Binary;

namespace Clip.Core.Imaging.Decoding;

/// <summary>
/// Walks the marker segments of a JPEG from just after its SOI. Like libjpeg it skips fill bytes, and resynchronises
/// on the next marker when a segment's declared length is impossible or lands in the middle of data. It never throws:
/// when the walk cannot go on, <see cref="MoveNext"/> returns false and <see cref="Problem"/> says why (null at a
/// clean end).
/// </summary>
internal ref struct JpegSegmentReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public JpegSegmentReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 2;
    }

    /// <summary>Why the last <see cref="MoveNext"/> returned false, or null when the data simply ended.</summary>
    public ImageDecodeException? Problem { get; private set; }

    /// <summary>Offset just past the current segment.</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next marker; <paramref name="payload"/> is empty for markers without a length.</summary>
    public bool MoveNext(out byte marker, out ReadOnlySpan<byte> payload)
    {
        marker = 0;
        payload = default;
        while (true)
        {
            int offset = _data[_position..].IndexOf((byte)0xFF);
            if (offset < 0)
            {
                _position = _data.Length;
                return false;
            }

            int p = _position + offset + 1;
            while (p < _data.Length && _data[p] == 0xFF)
            {
                p++;
            }

            if (p >= _data.Length)
            {
                _position = _data.Length;
                return false;
            }

            byte code = _data[p++];
            _position = p;
            if (code == 0x00)
            {
                continue; // A stuffed 0xFF inside data, not a marker.
            }

            marker = code;
            return HasNoLength(code) || ReadPayload(code, out payload);
        }
    }

    private static bool HasNoLength(byte code) => code is 0x01 or 0xD8 or 0xD9 or (>= 0xD0 and <= 0xD7);

    private bool ReadPayload(byte code, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (_position + 2 > _data.Length)
        {
            Problem = Reject.Truncated($"The JPEG ends inside the length of a segment (marker 0x{code:X2}).");
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        if (length < 2)
        {
            // libjpeg, and so the reference, skips just the length field and looks for the next marker.
            _position += 2;
            return true;
        }

        if (_position + length > _data.Length)
        {
            Problem = Reject.Truncated($"The JPEG ends inside a segment (marker 0x{code:X2}).");
            return false;
        }

        payload = _data.Slice(_position + 2, length - 2);
        _position += length;
        return true;
    }
}
