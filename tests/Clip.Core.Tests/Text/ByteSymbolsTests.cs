using Clip.Core.Text;

namespace Clip.Core.Tests.Text;

public sealed class ByteSymbolsTests
{
    [Theory]
    [InlineData(0x21, '!')]
    [InlineData(0xFF, '\u00FF')]
    [InlineData(0x00, '\u0100')]
    [InlineData(0x20, '\u0120')]
    [InlineData(0x7F, '\u0121')]
    [InlineData(0xAD, '\u0143')]
    public void ForByte_Value_GivesItsPrintableSymbol(int value, char expected)
    {
        Assert.Equal(expected, ByteSymbols.ForByte((byte)value));
    }

    [Fact]
    public void IdOrder_PrintableBytesFirst_ThenTheRest()
    {
        IReadOnlyList<byte> order = ByteSymbols.IdOrder;

        Assert.Equal(256, order.Distinct().Count());
        Assert.Equal((byte)'!', order[0]);
        Assert.Equal((byte)'a', order[64]);
        Assert.Equal(0xFF, order[187]);
        Assert.Equal(0x00, order[188]);
        Assert.Equal(0xAD, order[255]);
    }
}
