using Clip.Core.Imaging.Preprocessing;

namespace Clip.Core.Tests.Imaging.Preprocessing;

/// <summary>
/// Every path of the 8-bit horizontal pass must give the scalar loop's bytes exactly. The vector paths run here
/// whether or not the processor accelerates them (unaccelerated vectors are emulated), so every machine checks
/// all of them.
/// </summary>
public sealed class FixedPointHorizontalPassTests
{
    private delegate void RowPairPass(
        ReadOnlySpan<byte> upper,
        ReadOnlySpan<byte> lower,
        Span<byte> upperTarget,
        Span<byte> lowerTarget,
        AxisCoefficients table,
        int channels);

    public static TheoryData<string, int, int, int> PathsChannelsAndSlack()
    {
        var data = new TheoryData<string, int, int, int>();
        foreach (string path in new[] { "Vector128", "Vector256", "Fastest" })
        {
            for (int channels = 1; channels <= 4; channels++)
            {
                data.Add(path, channels, 0, 0);
                data.Add(path, channels, 16, 16);
                data.Add(path, channels, 16, 0);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathsChannelsAndSlack))]
    public void Run_RandomRowsAndTables_EqualsScalarPath(string path, int channels, int upperSlack, int lowerSlack)
    {
        var random = new Random(1000 + channels);
        foreach ((int input, int output, int first, int count) in Geometries(random))
        {
            AxisCoefficients table = AxisCoefficients.Compute(input, output, first, count);
            int rowBytes = (table.SourceEnd - table.SourceFirst) * channels;
            byte[] upper = RandomBytes(random, rowBytes + upperSlack);
            byte[] lower = RandomBytes(random, rowBytes + lowerSlack);
            var expected = new byte[2 * count * channels];
            var actual = new byte[2 * count * channels];

            FixedPointHorizontalPass.RunScalar(upper, expected.AsSpan(0, count * channels), table, channels);
            FixedPointHorizontalPass.RunScalar(lower, expected.AsSpan(count * channels), table, channels);
            PathNamed(path)(
                upper, lower, actual.AsSpan(0, count * channels), actual.AsSpan(count * channels), table, channels);

            Assert.True(
                expected.AsSpan().SequenceEqual(actual),
                $"{path}, {channels} channels, {input} to {output} from {first} for {count}: bytes differ.");
        }
    }

    [Theory]
    [InlineData("Vector256", 3)]
    [InlineData("Vector256", 4)]
    [InlineData("Fastest", 3)]
    public void Run_OneRowAsBothRows_EqualsScalarPath(string path, int channels)
    {
        var random = new Random(channels);
        AxisCoefficients table = AxisCoefficients.Compute(1600, 298, 37, 224);
        byte[] row = RandomBytes(random, (table.SourceEnd - table.SourceFirst) * channels);
        var expected = new byte[224 * channels];
        var actual = new byte[224 * channels];

        FixedPointHorizontalPass.RunScalar(row, expected, table, channels);
        PathNamed(path)(row, row, actual, actual, table, channels);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1, 1600, 298, 37)]
    [InlineData(3, 1600, 298, 37)]
    [InlineData(4, 333, 297, 36)]
    [InlineData(3, 20, 224, 0)]
    [InlineData(2, 480, 298, 37)]
    public void RunScalar_RandomRow_EqualsNaiveModel(int channels, int input, int output, int first)
    {
        var random = new Random(input + output);
        byte[] row = RandomBytes(random, input * channels);
        AxisCoefficients table = AxisCoefficients.Compute(input, output, first, 224);
        byte[] wide = NaiveBicubicModel.Horizontal(row, input, 1, channels, output);
        byte[] expected = NaiveBicubicModel.CropColumns(wide, output, 1, channels, first, 224);
        var actual = new byte[224 * channels];

        FixedPointHorizontalPass.RunScalar(row.AsSpan(table.SourceFirst * channels), actual, table, channels);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Vector128")]
    [InlineData("Vector256")]
    public void Run_StepEdgeUpscale_ClipsOvershootAsScalarPathDoes(string path)
    {
        // Bicubic rings on both sides of a black-to-white step, so sums fall below 0 and above 255.
        byte[] row = Enumerable.Range(0, 20 * 3).Select(b => (byte)(b / 3 % 4 < 2 ? 0 : 255)).ToArray();
        AxisCoefficients table = AxisCoefficients.Compute(20, 224, 0, 224);
        var expected = new byte[224 * 3];
        var actual = new byte[224 * 3];

        FixedPointHorizontalPass.RunScalar(row, expected, table, 3);
        PathNamed(path)(row, row, actual, actual, table, 3);

        Assert.Equal(expected, actual);
        Assert.Contains(expected.Chunk(3), p => p[0] == 0);
        Assert.Contains(expected.Chunk(3), p => p[0] == 255);
    }

    private static RowPairPass PathNamed(string path) => path switch
    {
        "Vector128" => (upper, lower, upperTarget, lowerTarget, table, channels) =>
        {
            HorizontalVector128Kernel.Run(upper, upperTarget, table, channels);
            HorizontalVector128Kernel.Run(lower, lowerTarget, table, channels);
        },
        "Vector256" => HorizontalVector256Kernel.Run,
        _ => FixedPointHorizontalPass.Run,
    };

    // The benchmark's 1600-wide photo, long and short tap lists, upscales, one-tap tables, then random ones.
    private static IEnumerable<(int Input, int Output, int First, int Count)> Geometries(Random random)
    {
        yield return (1600, 298, 37, 224);
        yield return (5000, 224, 0, 224);
        yield return (333, 297, 36, 224);
        yield return (20, 224, 0, 224);
        yield return (1, 224, 0, 224);
        yield return (7, 3, 0, 3);
        for (int n = 0; n < 40; n++)
        {
            int input = random.Next(1, 3000);
            int output = random.Next(1, 600);
            int first = random.Next(0, output);
            yield return (input, output, first, random.Next(1, output - first + 1));
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
