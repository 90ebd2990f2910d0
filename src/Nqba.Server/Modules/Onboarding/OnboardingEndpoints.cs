using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Onboarding;

internal static class OnboardingEndpoints
{
    public static IEndpointRouteBuilder MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/onboarding").WithTags("Onboarding");

        group.MapGet("/", ListOnboardings)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ListOnboardings")
            .WithSummary("Every client onboarding (in progress first) with its steps, state, duration in hours and slowest step.");

        // Client users reach this too: the tenant filter confines them to their own organization (another's is a 404).
        group.MapGet("/{organizationId:guid}", GetOnboarding)
            .RequireAuthorization()
            .WithName("GetOnboarding")
            .WithSummary("A client organization's onboarding: steps (step, name, dueAt, status pending|overdue|done, completedAt, evidence), state (in-progress|live), durationHours from the won deal, slowestStep.");

        group.MapPost("/{organizationId:guid}/steps/{step}/complete", CompleteOnboardingStep)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("CompleteOnboardingStep")
            .WithSummary("Marks a step (contract, payment, provisioning, onboarding-call, training, go-live, success-monitoring) done with its evidence; go-live makes the client live. 409 if it was done already.");

        return app;
    }

    private static async Task<Ok<IReadOnlyList<OnboardingDto>>> ListOnboardings(OnboardingQueries onboardings, CancellationToken ct) =>
        TypedResults.Ok(await onboardings.ListAsync(ct));

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> GetOnboarding(Guid organizationId, OnboardingQueries onboardings, CancellationToken ct) =>
        await onboardings.ForOrganizationAsync(organizationId, ct) is { } onboarding
            ? TypedResults.Ok(onboarding)
            : Error.NotFound("Onboarding of organization", organizationId).ToProblem();

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> CompleteOnboardingStep(Guid organizationId, string step, [FromBody] CompleteStepRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct)
    {
        var done = await desk.CompleteAsync(organizationId, step, request.Evidence, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", ct);
        return done.Succeeded ? TypedResults.Ok((await onboardings.ForOrganizationAsync(organizationId, ct))!) : done.Error.ToProblem();
    }
}
