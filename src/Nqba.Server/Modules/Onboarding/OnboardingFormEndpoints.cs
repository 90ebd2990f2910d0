using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>The staff onboarding page's step form (anti-forgery checked): the same <see cref="OnboardingDesk"/> as the API.</summary>
internal static class OnboardingFormEndpoints
{
    public static IEndpointRouteBuilder MapOnboardingFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/onboarding/{organizationId:guid}/steps/{step}/complete", SubmitCompleteOnboardingStep)
            .WithTags("Onboarding forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding()
            .WithName("SubmitCompleteOnboardingStep");
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitCompleteOnboardingStep(Guid organizationId, string step, [FromForm] StepForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var done = await desk.CompleteAsync(organizationId, step, form.Evidence, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", ct);
        var message = done.Succeeded ? null : done.Error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : done.Error.Detail;
        return TypedResults.LocalRedirect($"/onboarding{(message is null ? null : "?error=" + Uri.EscapeDataString(message))}#org-{organizationId}");
    }

    internal sealed class StepForm
    {
        public string? Evidence { get; set; }
    }
}
