using System.Net;
using System.Net.Sockets;

namespace Pipeline.Tests.Curation;

/// <summary>Loopback addresses for host processes started by tests.</summary>
internal static class LocalUrl
{
    /// <summary>An http address on a port that was free a moment ago.</summary>
    public static string Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
