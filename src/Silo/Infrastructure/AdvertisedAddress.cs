using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>Turns <c>Grid:Cluster:AdvertisedAddress</c> into the one IP address a silo publishes in the membership table.</summary>
public static class AdvertisedAddress
{
    /// <summary>
    /// Loopback when unset; the address itself when it is one; else the host name's first IPv4 address (IPv6 when it
    /// has none). A name that does not resolve stops the silo with one line rather than publishing an address nobody reaches.
    /// </summary>
    /// <param name="configured">The configured value.</param>
    /// <param name="lookup">Resolves a host name (<see cref="Dns.GetHostAddresses(string)"/> by default).</param>
    /// <exception cref="OptionsValidationException">The name does not resolve.</exception>
    public static IPAddress Resolve(string? configured, Func<string, IPAddress[]>? lookup = null)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(configured, out var address))
        {
            return address;
        }

        IPAddress[] found;
        try
        {
            found = (lookup ?? Dns.GetHostAddresses)(configured);
        }
        catch (SocketException e)
        {
            throw Invalid($"Grid:Cluster:AdvertisedAddress '{configured}' does not resolve: {e.Message}");
        }

        return found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6)
            ?? throw Invalid($"Grid:Cluster:AdvertisedAddress '{configured}' resolves to no IP address");
    }

    private static OptionsValidationException Invalid(string message) =>
        new(GridClusterOptions.Section, typeof(GridClusterOptions), [message]);
}
