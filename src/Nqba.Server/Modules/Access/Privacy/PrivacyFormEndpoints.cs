using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>The privacy page's forms (anti-forgery checked); each redirects back to the page, with the problem when there is one.</summary>
internal static class PrivacyFormEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/privacy").WithTags("Privacy forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Compliance).WithFormBinding();

        group.MapPost("/requests", SubmitPrivacyRequest).WithName("SubmitPrivacyRequest");

        group.MapPost("/requests/{id:guid}/complete", SubmitCompletePrivacyRequest)
            .WithMetadata(new RequireAntiforgeryTokenAttribute()).WithName("SubmitCompletePrivacyRequest");

        group.MapPost("/requests/{id:guid}/reject", SubmitRejectPrivacyRequest)
            .WithName("SubmitRejectPrivacyRequest");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitPrivacyRequest([FromForm] RequestForm form, PrivacyService privacy, ClaimsPrincipal user, CancellationToken ct)
    {
        var kind = FormBinding.TryParseEnum<PrivacyRequestKind>(form.Kind, out var k) ? k : (PrivacyRequestKind?)null;
        var law = FormBinding.TryParseEnum<PrivacyLaw>(form.Law, out var l) ? l : (PrivacyLaw?)null;
        if (kind is null || law is null)
        {
            return Back(Error.Validation("kind", "Choose the kind of request and the law it is made under."));
        }

        var result = await privacy.CreateAsync(
            new CreatePrivacyRequest(kind, law, Blank(form.Email), Guid.TryParse(form.OrganizationId, out var org) ? org : null, Blank(form.Name), Blank(form.NewEmail), Blank(form.Phone)),
            Actor(user),
            ct);
        return Back(result.Error);
    }

    private static async Task<RedirectHttpResult> SubmitCompletePrivacyRequest(Guid id, PrivacyService privacy, ClaimsPrincipal user, CancellationToken ct) =>
        Back((await privacy.CompleteAsync(id, Actor(user), ct)).Error);

    private static async Task<RedirectHttpResult> SubmitRejectPrivacyRequest(Guid id, [FromForm] RejectForm form, PrivacyService privacy, ClaimsPrincipal user, CancellationToken ct) =>
        Back(string.IsNullOrWhiteSpace(form.Reason) || form.Reason.Length > 1000
            ? Error.Validation("reason", "A rejection needs a reason (at most 1000 characters).")
            : (await privacy.RejectAsync(id, form.Reason, Actor(user), ct)).Error);

    private static RedirectHttpResult Back(Error? error) =>
        TypedResults.LocalRedirect(error is null ? "/admin/privacy" : $"/admin/privacy?error={Uri.EscapeDataString(error.Detail + " " + string.Join(" ", error.Fields?.SelectMany(f => f.Value) ?? []))}");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff";

    internal sealed class RequestForm
    {
        public string? Kind { get; set; }

        public string? Law { get; set; }

        public string? Email { get; set; }

        public string? OrganizationId { get; set; }

        public string? Name { get; set; }

        public string? NewEmail { get; set; }

        public string? Phone { get; set; }
    }

    internal sealed class RejectForm
    {
        public string? Reason { get; set; }
    }
}
