using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

internal static class MeetingTypeEndpoints
{
    public static IEndpointRouteBuilder MapMeetingTypeEndpoints(this IEndpointRouteBuilder app)
    {
        // The booking page is public: the offered types and their rules need no sign-in.
        app.MapGet("/api/scheduling/meeting-types", ListMeetingTypes)
            .WithTags("Scheduling").AllowAnonymous()
            .WithName("ListMeetingTypes")
            .WithSummary("The meeting types offered for booking, shortest first, with their rules.");

        var group = app.MapGroup("/api/scheduling/meeting-types").WithTags("Scheduling meeting types");

        group.MapGet("/{code}", GetMeetingType)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("GetMeetingType")
            .WithSummary("One meeting type, retired ones too; the ETag header is its version, for If-Match on changes.");

        group.MapPost("/", CreateMeetingType)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateMeetingType")
            .WithSummary("Creates a meeting type: code, name, durationMinutes; slot interval (default: the length), before/after buffers (additive), start offset, minimum notice, booking window (CalendarDays or BusinessDays with bookingWindowDays, or DateRange with windowStart/windowEnd), limits per day/week/month in meetings and in minutes.");

        group.MapPut("/{code}", UpdateMeetingType)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("UpdateMeetingType")
            .WithSummary("Replaces a meeting type's rules (fields left out take their defaults; active: false retires it); with If-Match, only at that version (else 412). Bookings already made keep their times.");

        group.MapDelete("/{code}", RetireMeetingType)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("RetireMeetingType")
            .WithSummary("Retires a meeting type: it is offered no more; its meetings stay (set active: true with PUT to offer it again).");

        return app;
    }

    private static async Task<Ok<List<MeetingTypeDto>>> ListMeetingTypes(MeetingTypeCatalog types, CancellationToken ct) =>
        TypedResults.Ok(await types.ListAsync(includeRetired: false, ct));

    private static async Task<Results<Ok<MeetingTypeDto>, ProblemHttpResult>> GetMeetingType(string code, MeetingTypeCatalog types, HttpResponse response, CancellationToken ct) =>
        (await types.GetAsync(code, ct)).ToTaggedOk(response, t => t.Version);

    private static async Task<Results<Ok<MeetingTypeDto>, ProblemHttpResult>> CreateMeetingType(MeetingTypeRequest request, MeetingTypeCatalog types, HttpResponse response, CancellationToken ct) =>
        (await types.CreateAsync(request, ct)).ToTaggedOk(response, t => t.Version);

    private static async Task<Results<Ok<MeetingTypeDto>, ProblemHttpResult>> UpdateMeetingType(
        string code, MeetingTypeRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, MeetingTypeCatalog types, HttpResponse response, CancellationToken ct) =>
        (await types.UpdateAsync(code, request, EntityTag.Expected(ifMatch), ct)).ToTaggedOk(response, t => t.Version);

    private static async Task<Results<NoContent, ProblemHttpResult>> RetireMeetingType(
        string code, [FromHeader(Name = "If-Match")] string? ifMatch, MeetingTypeCatalog types, CancellationToken ct) =>
        (await types.RetireAsync(code, EntityTag.Expected(ifMatch), ct)) is { Succeeded: false } failed ? failed.Error.ToProblem() : TypedResults.NoContent();
}
