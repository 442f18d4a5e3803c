namespace ModelGrid.Silo.Infrastructure;

/// <summary>The roles this silo runs, as configured.</summary>
public sealed record GridRoleSet(GridRoles Roles);
