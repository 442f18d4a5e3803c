using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class AdvertisedAddressTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Resolve_Unset_Loopback(string? configured)
    {
        Assert.Equal(IPAddress.Loopback, AdvertisedAddress.Resolve(configured, _ => throw new InvalidOperationException("no lookup expected")));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("fd00::17")]
    public void Resolve_IpAddress_ThatAddressWithoutLookup(string configured)
    {
        Assert.Equal(IPAddress.Parse(configured), AdvertisedAddress.Resolve(configured, _ => throw new InvalidOperationException("no lookup expected")));
    }

    [Fact]
    public void Resolve_HostName_FirstIpv4Address()
    {
        var resolved = AdvertisedAddress.Resolve("gpu-box-1", name => name == "gpu-box-1"
            ? [IPAddress.Parse("fd00::9"), IPAddress.Parse("10.0.0.9"), IPAddress.Parse("10.0.0.10")]
            : []);

        Assert.Equal(IPAddress.Parse("10.0.0.9"), resolved);
    }

    [Fact]
    public void Resolve_HostNameWithIpv6Only_ThatAddress()
    {
        Assert.Equal(IPAddress.Parse("fd00::9"), AdvertisedAddress.Resolve("v6-box", _ => [IPAddress.Parse("fd00::9")]));
    }

    [Fact]
    public void Resolve_UnknownHostName_OneLineNamingIt()
    {
        var e = Assert.Throws<OptionsValidationException>(() => AdvertisedAddress.Resolve("gpu-box-9", _ => throw new SocketException((int)SocketError.HostNotFound)));

        var failure = Assert.Single(e.Failures);
        Assert.StartsWith("Grid:Cluster:AdvertisedAddress 'gpu-box-9' does not resolve: ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void Resolve_HostNameWithoutAddresses_OneLineNamingIt()
    {
        var e = Assert.Throws<OptionsValidationException>(() => AdvertisedAddress.Resolve("empty-box", _ => []));

        Assert.Equal("Grid:Cluster:AdvertisedAddress 'empty-box' resolves to no IP address", Assert.Single(e.Failures));
    }
}
