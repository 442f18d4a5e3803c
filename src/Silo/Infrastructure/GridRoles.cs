namespace ModelGrid.Silo.Infrastructure;

/// <summary>What a silo does (<c>Grid:Roles</c>): <c>api</c> serves the REST API and the gateway, <c>worker</c> runs jobs.</summary>
[Flags]
public enum GridRoles
{
    None = 0,
    Api = 1,
    Worker = 2,
}
