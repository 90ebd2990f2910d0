using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Access.Privacy;

internal static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/privacy").WithTags("Privacy").RequireAuthorization(NqbaPolicies.Compliance);

        group.MapPost("/requests", CreatePrivacyRequest)
            .WithName("CreatePrivacyRequest");

        group.MapGet("/requests", ListPrivacyRequests)
            .WithName("ListPrivacyRequests");

        group.MapGet("/requests/{id:guid}", GetPrivacyRequest)
            .WithName("GetPrivacyRequest");

        group.MapPost("/requests/{id:guid}/complete", CompletePrivacyRequest)
            .WithName("CompletePrivacyRequest");

        group.MapPost("/requests/{id:guid}/reject", RejectPrivacyRequest)
            .WithName("RejectPrivacyRequest");

        group.MapGet("/requests/{id:guid}/export", ExportPrivacyRequest)
            .WithName("ExportPrivacyRequest");

        group.MapPost("/consents", RecordConsent)
            .WithName("RecordConsent");

        group.MapGet("/consents", GetConsents)
            .WithName("GetConsents");

        group.MapPost("/retention/run", RunRetention)
            .WithName("RunRetention");

        app.MapPost("/api/privacy/do-not-sell", OptOutOfSale)
            .WithTags("Privacy")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("OptOutOfSale");

        return app;
    }

    private static async Task<Results<Created<PrivacyRequestDto>, ProblemHttpResult>> CreatePrivacyRequest(CreatePrivacyRequest request, PrivacyService privacy, ClaimsPrincipal user, TimeProvider time, CancellationToken ct)
    {
        var created = await privacy.CreateAsync(request, Actor(user), ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/privacy/requests/{created.Value.Id}", PrivacyRequestDto.From(created.Value, Now(time)))
            : created.Error.ToProblem();
    }

    private static async Task<Ok<List<PrivacyRequestDto>>> ListPrivacyRequests(PrivacyRequestStatus? status, PrivacyService privacy, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok((await privacy.ListAsync(status, ct)).ConvertAll(r => PrivacyRequestDto.From(r, Now(time))));

    private static async Task<Results<Ok<PrivacyRequestDto>, ProblemHttpResult>> GetPrivacyRequest(Guid id, PrivacyService privacy, TimeProvider time, CancellationToken ct) =>
        Respond(await privacy.GetAsync(id, ct), time);

    private static async Task<Results<Ok<PrivacyRequestDto>, ProblemHttpResult>> CompletePrivacyRequest(Guid id, PrivacyService privacy, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
        Respond(await privacy.CompleteAsync(id, Actor(user), ct), time);

    private static async Task<Results<Ok<PrivacyRequestDto>, ProblemHttpResult>> RejectPrivacyRequest(Guid id, RejectPrivacyRequest request, PrivacyService privacy, ClaimsPrincipal user, TimeProvider time, CancellationToken ct) =>
        Respond(await privacy.RejectAsync(id, request.Reason, Actor(user), ct), time);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportPrivacyRequest(Guid id, PrivacyService privacy, ClaimsPrincipal user, CancellationToken ct)
    {
        var export = await privacy.ExportAsync(id, Actor(user), ct);
        return export.Succeeded
            ? TypedResults.File(export.Value, "application/zip", $"nqba-personal-data-{id}.zip")
            : export.Error.ToProblem();
    }

    private static async Task<Ok<ConsentStatusDto>> RecordConsent(RecordConsentRequest request, PrivacyService privacy, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await privacy.RecordConsentAsync(request, Actor(user), ct));

    private static async Task<Results<Ok<ConsentStatusDto>, ProblemHttpResult>> GetConsents(string? email, PrivacyService privacy, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(email) || email.Length > 320 || !email.Contains('@', StringComparison.Ordinal)
            ? Error.Validation("email", "email is required: the person whose consents to show.").ToProblem()
            : TypedResults.Ok(await privacy.ConsentStatusAsync(email, ct));

    private static async Task<Ok<Dictionary<string, int>>> RunRetention(PrivacyService privacy, CancellationToken ct) =>
        TypedResults.Ok(await privacy.ApplyRetentionAsync(ct));

    private static async Task<Accepted<PrivacyRequestDto>> OptOutOfSale(DoNotSellRequest request, PrivacyService privacy, TimeProvider time, CancellationToken ct)
    {
        var recorded = await privacy.OptOutOfSaleAsync(request.Email, ct);
        return TypedResults.Accepted((string?)null, PrivacyRequestDto.From(recorded, Now(time)) with { SubjectEmail = null });
    }

    private static Results<Ok<PrivacyRequestDto>, ProblemHttpResult> Respond(Result<PrivacyRequest> result, TimeProvider time) =>
        result.Succeeded ? TypedResults.Ok(PrivacyRequestDto.From(result.Value, Now(time))) : result.Error.ToProblem();

    private static DateTime Now(TimeProvider time) => time.GetUtcNow().UtcDateTime;

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff";
}
