using System.Text;

namespace Pipeline.Storage.Files;

/// <summary>Writes the header of a version 1.0 <c>.npy</c> file.</summary>
internal static class NpyHeader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Header for a C-order little-endian float32 matrix of rows × columns.</summary>
    public static void WriteFloat32(Stream output, int rows, int columns)
    {
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";

        // The format pads the header with spaces so that the data starts on a 64-byte boundary.
        int unpadded = Magic.Length + 2 + dict.Length + 1;
        int padding = (64 - (unpadded % 64)) % 64;
        string header = dict + new string(' ', padding) + "\n";
        output.Write(Magic);
        output.Write(BitConverter.GetBytes((ushort)header.Length));
        output.Write(Encoding.ASCII.GetBytes(header));
    }
}
