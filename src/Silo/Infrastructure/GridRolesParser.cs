namespace ModelGrid.Silo.Infrastructure;

/// <summary>Parses <c>Grid:Roles</c>: a comma-separated list of api and worker; unset means both.</summary>
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

        return roles != GridRoles.None
            ? roles
            : throw new InvalidOperationException($"Grid:Roles is '{text}', which names no role; use api, worker or both (api,worker)");
    }
}
