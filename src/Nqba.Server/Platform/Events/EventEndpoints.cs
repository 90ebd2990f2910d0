using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Platform.Events;

/// <summary>Dead letters for administrators: the API, and the form the <c>/admin/events</c> page posts.</summary>
internal static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events").RequireAuthorization(NqbaPolicies.Admin);
        group.MapGet("/dead-letters", ListDeadLettersAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Event deliveries parked after their last allowed attempt, newest first");
        group.MapPost("/dead-letters/{eventId}/replay", ReplayDeadLetterAsync)
            .WithName("ReplayDeadLetter")
            .WithSummary("Gives one parked subscriber a fresh set of attempts at its event; the event's other subscribers do not run again");

        var forms = app.MapGroup("/admin/events").WithTags("Event forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Admin).WithFormBinding();
        forms.MapPost("/replay", ReplayFromFormAsync).WithName("SubmitReplayDeadLetter");
        return app;
    }

    private static async Task<Results<Ok<List<DeadLetter>>, ProblemHttpResult>> ListDeadLettersAsync(int? limit, DeadLetters deadLetters, CancellationToken ct) =>
        limit is < 1 or > 1000
            ? Error.Validation("limit", "limit must be between 1 and 1000.").ToProblem()
            : TypedResults.Ok(await deadLetters.ListAsync(limit ?? 200, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> ReplayDeadLetterAsync(string eventId, ReplayRequest request, DeadLetters deadLetters, CancellationToken ct)
    {
        if (!TryParseEventId(eventId, out var id))
        {
            return Error.Validation("eventId", "eventId must be an event number from the dead-letter list.").ToProblem();
        }

        if (string.IsNullOrWhiteSpace(request.Subscriber))
        {
            return Error.Validation("subscriber", "Name the subscriber to replay (as the dead-letter list gives it).").ToProblem();
        }

        return await deadLetters.ReplayAsync(id, request.Subscriber.Trim(), ct) is { } error ? error.ToProblem() : TypedResults.NoContent();
    }

    private static bool TryParseEventId(string? value, out long id) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;

    private static async Task<RedirectHttpResult> ReplayFromFormAsync([FromForm] ReplayForm form, DeadLetters deadLetters, CancellationToken ct)
    {
        var error = !TryParseEventId(form.EventId, out var eventId)
            ? Error.Validation("eventId", "eventId must be an event number from the list.")
            : string.IsNullOrWhiteSpace(form.Subscriber)
                ? Error.Validation("subscriber", "Name the subscriber to replay.")
                : await deadLetters.ReplayAsync(eventId, form.Subscriber.Trim(), ct);
        return TypedResults.LocalRedirect(error is null ? "/admin/events?replayed=1" : "/admin/events?error=" + Uri.EscapeDataString(error.Detail));
    }

    /// <summary>The body of a replay.</summary>
    /// <param name="Subscriber">The subscriber's name, as the dead-letter list gives it.</param>
    internal sealed record ReplayRequest(string? Subscriber);

    internal sealed class ReplayForm
    {
        public string? EventId { get; set; }

        public string? Subscriber { get; set; }
    }
}
