using Clip.Core.Numerics;

namespace Clip.Core.Tests.Numerics;

public sealed class NpyFileTests
{
    [Fact]
    public void WriteSingle_ThenRead_RoundTripsValuesAndShape()
    {
        float[] values = [1.5f, -0f, float.MaxValue, float.Epsilon, 3.25f, -7f];
        using var stream = new MemoryStream();

        NpyFile.WriteSingle(stream, values, [2, 3]);
        stream.Position = 0;
        NpyArray array = NpyFile.Read(stream);

        Assert.Equal(NpyDataType.Float32, array.DataType);
        Assert.Equal(new[] { 2, 3 }, array.Shape);
        Assert.Equal(values, array.ToSingleArray());
    }

    [Theory]
    [InlineData(new[] { 5 }, "(5,)")]
    [InlineData(new[] { 3, 224, 224 }, "(3, 224, 224)")]
    [InlineData(new int[0], "()")]
    public void WriteSingle_AnyShape_WritesAlignedVersion1HeaderAsNumpyDoes(int[] shape, string tuple)
    {
        int count = shape.Aggregate(1, (a, b) => a * b);
        using var stream = new MemoryStream();

        NpyFile.WriteSingle(stream, new float[count], shape);

        byte[] bytes = stream.ToArray();
        int headerLength = bytes[8] | (bytes[9] << 8);
        string header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.StartsWith($"{{'descr': '<f4', 'fortran_order': False, 'shape': {tuple}, }}", header);
        Assert.EndsWith("\n", header);
        Assert.Equal(10 + headerLength + (count * 4), bytes.Length);
    }

    [Fact]
    public void Read_ReferenceTensor_GivesFloat32WithShape()
    {
        NpyArray array = NpyFile.Read(SharedData.PathOf("clip", "preprocess", "rgb-1x1.tensor.npy"));

        Assert.Equal(NpyDataType.Float32, array.DataType);
        Assert.Equal(new[] { 3, 224, 224 }, array.Shape);
        float red = array.ToSingleArray()[0];
        Assert.Equal(((200 / 255f) - 0.48145466f) / 0.26862954f, red);
    }

    [Fact]
    public void Read_ReferenceBytes_GivesUInt8WithShape()
    {
        NpyArray array = NpyFile.Read(SharedData.PathOf("clip", "preprocess", "rgb-1x1.rgb224.npy"));

        Assert.Equal(NpyDataType.UInt8, array.DataType);
        Assert.Equal(new[] { 224, 224, 3 }, array.Shape);
        Assert.Equal(new byte[] { 200, 100, 50 }, array.ToByteArray()[..3]);
    }

    [Fact]
    public void Read_Int64Array_ParsesLittleEndianValues()
    {
        byte[] data = [.. BitConverter.GetBytes(-2L), .. BitConverter.GetBytes(long.MaxValue)];
        byte[] file = Build("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", data);

        NpyArray array = NpyFile.Read(new MemoryStream(file));

        Assert.Equal(new[] { -2L, long.MaxValue }, array.ToInt64Array());
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", typeof(NotSupportedException))]
    [InlineData("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", typeof(NotSupportedException))]
    [InlineData("{'fortran_order': False, 'shape': (1,), }", typeof(InvalidDataException))]
    public void Read_UnsupportedHeader_Throws(string header, Type error)
    {
        byte[] file = Build(header, new byte[8]);

        Assert.Throws(error, () => NpyFile.Read(new MemoryStream(file)));
    }

    [Fact]
    public void ToByteArray_FloatArray_Throws()
    {
        using var stream = new MemoryStream();
        NpyFile.WriteSingle(stream, [1f], [1]);
        stream.Position = 0;

        Assert.Throws<InvalidOperationException>(() => NpyFile.Read(stream).ToByteArray());
    }

    private static byte[] Build(string header, byte[] data)
    {
        byte[] text = System.Text.Encoding.ASCII.GetBytes(header + "\n");
        byte[] preamble = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)text.Length, 0];
        return [.. preamble, .. text, .. data];
    }
}
