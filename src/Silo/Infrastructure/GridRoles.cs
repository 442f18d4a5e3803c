namespace ModelGrid.Silo.Infrastructure;

/// <summary>What a silo does (<c>Grid:Roles</c>): <c>api</c> serves the REST API and the gateway, <c>worker</c> runs jobs.</summary>
[Flags]
public enum GridRoles
{
    None = 0,
    Api = 1,
    Worker = 2,
}

/// <summary>Parses <c>Grid:Roles</c>.</summary>
public static class GridRolesParser
{
    public const string Key = "Grid:Roles";

    public static GridRoles Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return GridRoles.Api | GridRoles.Worker;
        }

        var roles = GridRoles.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            roles |= part.ToLowerInvariant() switch
            {
                "api" => GridRoles.Api,
                "worker" => GridRoles.Worker,
                _ => throw new InvalidOperationException($"Grid:Roles has '{part}'; use api, worker or both (api,worker)"),
            };
        }

        return roles;
    }
}
