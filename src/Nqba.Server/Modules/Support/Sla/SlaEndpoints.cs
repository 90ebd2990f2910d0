using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Channels;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Sla;

internal static class SlaEndpoints
{
    public static IEndpointRouteBuilder MapSlaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/support").WithTags("Support SLA").RequireAuthorization(NqbaPolicies.Staff);
        // The current value: a configuration reload shows here as it applies to the clocks (SlaCalendars reads the same).
        group.MapGet("/sla/policies", ListSlaPolicies)
            .WithName("ListSlaPolicies")
            .WithSummary("The SLA policies in force (configuration section Support:SlaPolicies, which replaces the product defaults when set).");
        group.MapPost("/sla/recompute", RecomputeSlaDeadlines)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("RecomputeSlaDeadlines")
            .WithSummary("Recomputes the SLA deadlines of every open ticket from its history (done automatically when a calendar or policy changes).");
        group.MapPost("/inbox/pickup", PickUpSupportMail)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("PickUpSupportMail")
            .WithSummary("Takes in the .eml files in the pickup folder now (the poller does this on its interval).");
        return app;
    }

    private static Ok<List<SlaPolicyDto>> ListSlaPolicies(IOptionsMonitor<SupportOptions> options) =>
        TypedResults.Ok(options.CurrentValue.SlaPolicies.ConvertAll(SlaPolicyDto.From));

    private static async Task<Ok<int>> RecomputeSlaDeadlines(SlaWatch watch, CancellationToken ct) =>
        TypedResults.Ok(await watch.RecomputeAllOpenAsync(ct));

    private static async Task<Ok<int>> PickUpSupportMail(EmailPickup pickup, CancellationToken ct) =>
        TypedResults.Ok((await pickup.ProcessAsync(ct)).Count);
}
