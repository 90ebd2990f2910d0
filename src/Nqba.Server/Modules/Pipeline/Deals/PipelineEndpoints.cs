using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Deals;

internal static class PipelineEndpoints
{
    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pipeline").WithTags("Pipeline").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/deals", ListDeals)
            .WithName("ListDeals")
            .WithSummary("Deals, most recently moved first, filtered by unit (code), stage (contact, assessed, routed, qualification, demo, proposal, won, lost) and owner (specialist id); take at most 500. A bad parameter is a 400 naming it.");

        group.MapGet("/deals.csv", ExportDeals)
            .WithName("ExportDeals")
            .WithSummary("The same list as CSV (UTF-8, one header row), for a spreadsheet.");

        group.MapGet("/deals/{id:guid}", GetDeal)
            .WithName("GetDeal")
            .WithSummary("One deal with its stage history (history: stage, from, at, by, reason; oldest first). The ETag header is the deal's version, for If-Match.");

        group.MapPost("/deals/{id:guid}/stage", MoveDeal)
            .WithName("MoveDeal")
            .WithSummary("Moves the deal to a stage by hand: the stage's gates must hold (else 409 naming each unmet gate), lost needs a reason from the configured list; with If-Match, only if the deal is still at that version (412).");

        group.MapPatch("/deals/{id:guid}", UpdateDeal)
            .WithName("UpdateDeal")
            .WithSummary("Edits the deal's value, currency, expected close, budget confirmation or owner (fields left out keep their value); audited; If-Match as for moves.");

        group.MapPost("/deals/{id:guid}/notes", AddDealNote)
            .WithName("AddDealNote")
            .WithSummary("Keeps a note on the deal ({text}, 1 to 4,000 characters), shown on its timeline; encrypted under the client organization's key.");

        group.MapGet("/metrics", GetPipelineMetrics)
            .WithName("GetPipelineMetrics")
            .WithSummary("Figures from the deals and their stage history, for deals opened in [from, to) and one unit or all: open and weighted value per currency, average days in each stage, sales-cycle days of won deals, demo-to-close rate, stalled deals. Null where there is no data.");

        group.MapGet("/settings", GetPipelineSettings)
            .WithName("GetPipelineSettings")
            .WithSummary("The stages in order with their probability and gates, the lost reasons and the stall threshold in days.");

        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<DealDto>>, ProblemHttpResult>> ListDeals([AsParameters] DealListRequest request, DealQueries deals, CancellationToken ct)
    {
        var filter = request.ToFilter();
        return filter.Succeeded ? TypedResults.Ok(await deals.ListAsync(filter.Value, ct)) : filter.Error.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportDeals([AsParameters] DealListRequest request, DealQueries deals, CancellationToken ct)
    {
        var filter = request.ToFilter();
        if (!filter.Succeeded)
        {
            return filter.Error.ToProblem();
        }

        var csv = new StringBuilder("id,title,unit,owner,stage,stage_entered_at,value,currency,probability,weighted_value,expected_close,budget_confirmed,lost_reason,created_at,closed_at,stalled\n");
        foreach (var d in await deals.ListAsync(filter.Value, ct))
        {
            csv.AppendJoin(',', [
                d.Id.ToString(), Csv(d.Title), Csv(d.UnitCode), d.OwnerId?.ToString() ?? string.Empty, d.Stage, Time(d.StageEnteredAt),
                Number(d.Value), d.Currency, d.Probability.ToString(CultureInfo.InvariantCulture), Number(d.WeightedValue),
                d.ExpectedClose?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, d.BudgetConfirmed ? "true" : "false",
                Csv(d.LostReason), Time(d.CreatedAt), d.ClosedAt is { } closed ? Time(closed) : string.Empty, d.Stalled ? "true" : "false"]);
            csv.Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "deals.csv");

        static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static string Number(decimal? n) => n?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>A CSV field: quoted when it holds a separator, quote or line break; a leading =, +, - or @ is defused (formula injection).</summary>
    internal static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static async Task<Results<Ok<DealDto>, ProblemHttpResult>> GetDeal(Guid id, DealQueries deals, HttpResponse response, CancellationToken ct)
    {
        if (await deals.GetAsync(id, ct) is not { } deal)
        {
            return Error.NotFound("Deal", id).ToProblem();
        }

        response.Headers.ETag = EntityTag.Of(deal.Version);
        return TypedResults.Ok(deal);
    }

    private static async Task<Results<Ok<DealDto>, ProblemHttpResult>> MoveDeal(Guid id, MoveDealRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, DealDesk desk, DealQueries deals, HttpResponse response, CancellationToken ct)
    {
        var moved = await desk.MoveAsync(id, request.Stage, request.Reason, Actor(user), EntityTag.Expected(ifMatch), ct);
        return moved.Succeeded ? await AnswerAsync(id, deals, response, ct) : moved.Error.ToProblem();
    }

    private static async Task<Results<Ok<DealDto>, ProblemHttpResult>> UpdateDeal(Guid id, UpdateDealRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, DealDesk desk, DealQueries deals, HttpResponse response, CancellationToken ct)
    {
        var updated = await desk.UpdateAsync(id, request, EntityTag.Expected(ifMatch), ct);
        return updated.Succeeded ? await AnswerAsync(id, deals, response, ct) : updated.Error.ToProblem();
    }

    private static async Task<Results<Created<DealNoteDto>, ProblemHttpResult>> AddDealNote(Guid id, AddDealNoteRequest request, ClaimsPrincipal user, DealDesk desk, CancellationToken ct)
    {
        var added = await desk.AddNoteAsync(id, request.Text, Actor(user), ct);
        return added.Succeeded
            ? TypedResults.Created($"/api/pipeline/deals/{id}", new DealNoteDto(added.Value.Id, added.Value.Text, added.Value.By, added.Value.At))
            : added.Error.ToProblem();
    }

    private static async Task<Results<Ok<PipelineMetrics>, ProblemHttpResult>> GetPipelineMetrics([AsParameters] PipelineMetricsRequest request, DealQueries deals, CancellationToken ct)
    {
        var parsed = request.Parse();
        return parsed.Succeeded
            ? TypedResults.Ok(await deals.MetricsAsync(parsed.Value.Unit, parsed.Value.From, parsed.Value.To, ct))
            : parsed.Error.ToProblem();
    }

    private static Ok<PipelineSettingsDto> GetPipelineSettings(IOptions<PipelineOptions> options) =>
        TypedResults.Ok(PipelineSettingsDto.From(options.Value));

    private static async Task<Results<Ok<DealDto>, ProblemHttpResult>> AnswerAsync(Guid id, DealQueries deals, HttpResponse response, CancellationToken ct)
    {
        var deal = (await deals.GetAsync(id, ct))!;
        response.Headers.ETag = EntityTag.Of(deal.Version);
        return TypedResults.Ok(deal);
    }

    /// <summary>Who moved a deal, as its history keeps it: the user's id.</summary>
    internal static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}

/// <summary>The pipeline's configuration as the board needs it.</summary>
public sealed record PipelineSettingsDto(IReadOnlyList<StageSettingsDto> Stages, IReadOnlyList<string> LostReasons, int StallDays)
{
    internal static PipelineSettingsDto From(PipelineOptions o) =>
        new([.. DealStages.All.Select(s => new StageSettingsDto(DealStages.Id(s), o.ProbabilityOf(s), o.GatesOf(s)))], o.LostReasons, o.StallDays);
}

/// <summary>One stage: its identifier, probability in percent and gates.</summary>
public sealed record StageSettingsDto(string Id, int Probability, IReadOnlyList<string> Gates);

/// <summary>A note to keep on a deal.</summary>
public sealed record AddDealNoteRequest(string? Text);
