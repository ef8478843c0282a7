using System.Globalization;

namespace Clip.Cli.Bench;

/// <summary>How figures are written in the tables: invariant culture, a precision that suits each kind.</summary>
internal static class BenchFormat
{
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1000 => perSecond.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => perSecond.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => perSecond.ToString("F1", CultureInfo.InvariantCulture),
        _ => perSecond.ToString("F2", CultureInfo.InvariantCulture),
    };

    public static string Ratio(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "x";

    public static string Milliseconds(double milliseconds) =>
        milliseconds.ToString(milliseconds >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture) + " ms";

    public static string Number(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
