using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(NqbaPolicies.Compliance);

        group.MapGet("/", ListAuditEntries)
            .WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first, with filters");

        group.MapGet("/export", ExportAuditEntries)
            .WithName("ExportAuditEntries")
            .WithSummary("The filtered audit ledger as JSON lines, oldest first");

        group.MapGet("/verify", VerifyAuditChain)
            .WithName("VerifyAuditChain")
            .WithSummary("Recomputes the hash chain and names the first broken entry");

        return app;
    }

    private static async Task<Ok<List<AuditEntryDto>>> ListAuditEntries([AsParameters] AuditFilter filter, AuditSearch search, CancellationToken ct) =>
        TypedResults.Ok((await search.PageAsync(filter.ToQuery(), ct)).ConvertAll(AuditEntryDto.From));

    private static async Task<Ok<AuditVerification>> VerifyAuditChain(AuditVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));

    private static Task ExportAuditEntries(HttpContext http, [AsParameters] AuditFilter filter, AuditSearch search, CancellationToken ct) =>
        ExportAsync(http, search, filter.ToQuery(), ct);

    private static async Task ExportAsync(HttpContext http, AuditSearch search, AuditQuery query, CancellationToken ct)
    {
        http.Response.ContentType = "application/x-ndjson";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"nqba-audit.jsonl\"";
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        await foreach (var entry in search.Filter(query with { Limit = int.MaxValue }).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            await http.Response.WriteAsync(JsonSerializer.Serialize(AuditEntryDto.From(entry), json) + "\n", ct);
        }
    }

    internal sealed record AuditFilter(
        [FromQuery] string? Action, [FromQuery] string? Actor, [FromQuery] string? EntityType, [FromQuery] string? EntityId,
        [FromQuery] DateTime? From, [FromQuery] DateTime? To, [FromQuery] int? Limit, [FromQuery] long? Before)
    {
        public AuditQuery ToQuery() => new(Action, Actor, EntityType, EntityId, From?.ToUniversalTime(), To?.ToUniversalTime(), Limit ?? 100, Before);
    }
}
