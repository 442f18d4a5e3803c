using System.ComponentModel.DataAnnotations;
using ModelGrid.Silo.Infrastructure;
using Orleans.Configuration;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class GridClusterOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(Errors(new GridClusterOptions()));
    }

    [Fact]
    public void Validate_SamePortTwice_OneLineNamingBoth()
    {
        var errors = Errors(new GridClusterOptions { SiloPort = 40000, GatewayPort = 40000 });

        Assert.Equal(["Grid:Cluster:SiloPort and Grid:Cluster:GatewayPort are both 40000; give each its own port"], errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gpu box")]
    public void Validate_MalformedAdvertisedAddress_NamesIt(string address)
    {
        var errors = Errors(new GridClusterOptions { AdvertisedAddress = address });

        Assert.Equal([$"Grid:Cluster:AdvertisedAddress '{address}' is neither an IP address nor a host name"], errors);
    }

    [Fact]
    public void Validate_UnknownProvider_NamesBothProviders()
    {
        Assert.Equal(["Grid:Cluster:Provider is 'redis'; use 'localhost' or 'azure'"], Errors(new GridClusterOptions { Provider = "redis" }));
    }

    [Fact]
    public void Validate_ProbeTimeoutBelowRange_Refused()
    {
        Assert.Single(Errors(new GridClusterOptions { ProbeTimeout = TimeSpan.FromMilliseconds(50) }));
    }

    [Fact]
    public void ApplyFailureDetection_ConfiguredTimings_SetOnMembership()
    {
        var membership = new ClusterMembershipOptions();

        ClusterHosting.ApplyFailureDetection(membership, new GridClusterOptions
        {
            ProbeTimeout = TimeSpan.FromSeconds(1),
            MissedProbesLimit = 3,
            TableRefreshTimeout = TimeSpan.FromSeconds(4),
            IAmAlivePublishTimeout = TimeSpan.FromSeconds(10),
        });

        Assert.Equal(TimeSpan.FromSeconds(1), membership.ProbeTimeout);
        Assert.Equal(3, membership.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(4), membership.TableRefreshTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), membership.IAmAliveTablePublishTimeout);
    }

    private static List<string> Errors(GridClusterOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
