using ModelGrid.Silo.Infrastructure;

namespace ModelGrid.Silo.Tests.Infrastructure;

public sealed class GridRolesParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Unset_BothRoles(string? text)
    {
        Assert.Equal(GridRoles.Api | GridRoles.Worker, GridRolesParser.Parse(text));
    }

    [Theory]
    [InlineData("api", GridRoles.Api)]
    [InlineData("worker", GridRoles.Worker)]
    [InlineData("api,worker", GridRoles.Api | GridRoles.Worker)]
    [InlineData(" Worker , API ", GridRoles.Api | GridRoles.Worker)]
    [InlineData("api,api", GridRoles.Api)]
    [InlineData("api,,worker", GridRoles.Api | GridRoles.Worker)]
    public void Parse_RoleList_CombinesRoles(string text, GridRoles expected)
    {
        Assert.Equal(expected, GridRolesParser.Parse(text));
    }

    [Fact]
    public void Parse_UnknownRole_ThrowsNamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => GridRolesParser.Parse("api,gpu"));

        Assert.Equal("Grid:Roles has 'gpu'; use api, worker or both (api,worker)", e.Message);
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" , ,")]
    public void Parse_OnlySeparators_Throws(string text)
    {
        // A silo with no role would serve nothing and run nothing; a typo must not start one silently.
        Assert.Throws<InvalidOperationException>(() => GridRolesParser.Parse(text));
    }
}
