using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class ListenAddressTests
{
    [Fact]
    public void UseDefaultListenAddress_NothingConfigured_ListensOn127001Port5180()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        builder.UseDefaultListenAddress();

        Assert.Equal("http://127.0.0.1:5180", builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Theory]
    [InlineData("--urls=http://127.0.0.1:6001", "http://127.0.0.1:6001")]
    [InlineData("--http_ports=6002", null)]
    [InlineData("--https_ports=6003", null)]
    [InlineData("--Kestrel:Endpoints:Api:Url=http://127.0.0.1:6004", null)]
    public void UseDefaultListenAddress_AddressConfigured_LeavesItAlone(string argument, string? urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [argument] });
        Assert.True(ListenAddress.IsConfigured(builder.Configuration));

        builder.UseDefaultListenAddress();

        Assert.Equal(urls, builder.Configuration[WebHostDefaults.ServerUrlsKey]);
    }
}
