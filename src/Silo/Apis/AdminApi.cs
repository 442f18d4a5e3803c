using Microsoft.AspNetCore.Http.HttpResults;
using ModelGrid.Api;
using ModelGrid.Silo.Auth;
using ModelGrid.Storage.GrainStorage;

namespace ModelGrid.Silo.Apis;

/// <summary><c>/api/v1/admin</c>: the check of every grain state record, and the quarantine of damaged ones (admin only).</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin");
        admin.MapGet("/state-check", CheckState).WithName(nameof(CheckState))
            .Documented("Check the grain state records", "Reads every grain state record and lists the damaged ones (empty, cut short, not JSON) with what is wrong (admin).")
            .NeedsToken().Problems(403).DisableRequestTimeout();
        admin.MapPost("/state-check/quarantine", QuarantineDamagedState).WithName(nameof(QuarantineDamagedState))
            .Documented("Quarantine damaged state records", "Checks every record as state-check does and moves each damaged one to quarantine/{time}/, keeping its bytes (admin).")
            .NeedsToken().Problems(403).DisableRequestTimeout();
        return api;
    }

    public static async Task<Ok<StateCheckReport>> CheckState(HttpContext context, GrainStateRecords records)
    {
        context.Caller().RequireAdmin();
        return TypedResults.Ok(View(await records.CheckAsync(quarantine: false, context.RequestAborted)));
    }

    public static async Task<Ok<StateCheckReport>> QuarantineDamagedState(HttpContext context, GrainStateRecords records)
    {
        context.Caller().RequireAdmin();
        return TypedResults.Ok(View(await records.CheckAsync(quarantine: true, context.RequestAborted)));
    }

    private static StateCheckReport View(StateCheckResult result) =>
        new(result.Store, result.Scanned, [.. result.Damaged.Select(d => new DamagedRecordView(d.Record, d.Length, d.Problem, d.QuarantinedTo))]);
}
