namespace Clip.Core.Numerics;

/// <summary>Element types that <see cref="NpyFile"/> reads, little-endian as numpy writes them on x86/ARM.</summary>
public enum NpyDataType
{
    /// <summary>32-bit IEEE float, numpy <c>'&lt;f4'</c>.</summary>
    Float32,

    /// <summary>Unsigned byte, numpy <c>'|u1'</c>.</summary>
    UInt8,

    /// <summary>Signed 64-bit integer, numpy <c>'&lt;i8'</c>.</summary>
    Int64,
}
