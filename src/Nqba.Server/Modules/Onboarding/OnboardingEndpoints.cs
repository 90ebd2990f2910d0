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
            .WithSummary("One page (page from 1, pageSize 1–100, default 25) of the client onboardings (in progress first) with their steps, state, duration in hours, slowest step and health; total counts them all. 400 naming page or pageSize.");

        // Client users reach this too: the tenant filter confines them to their own organization (another's is a 404).
        group.MapGet("/{organizationId:guid}", GetOnboarding)
            .RequireAuthorization()
            .WithName("GetOnboarding")
            .WithSummary("A client organization's onboarding: steps (step, name, dueAt, status pending|overdue|done, completedAt, evidence), state (in-progress|live), durationHours from the won deal, slowestStep.");

        group.MapPost("/{organizationId:guid}/steps/{step}/complete", CompleteOnboardingStep)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("CompleteOnboardingStep")
            .WithSummary("Marks a step (contract, payment, provisioning, onboarding-call, training, go-live, success-monitoring) done with its evidence; go-live makes the client live. 409 if it was done already.");

        group.MapPatch("/{organizationId:guid}/steps/{step}", AssignOnboardingStep)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("AssignOnboardingStep")
            .WithSummary("Gives an open step to another specialist (ownerId) and/or moves its due date (dueAt, UTC); the overdue warnings start afresh. 400 naming ownerId or dueAt, 409 when the step is done.");

        group.MapPost("/{organizationId:guid}/payments", RecordOnboardingPayment)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("RecordOnboardingPayment")
            .WithSummary("Records an invoice (invoiceNumber, amount, currency, status issued|paid|void); a paid one completes the payment step. No card data: an invoice number that looks like a card number is a 400 naming invoiceNumber.");

        group.MapPost("/{organizationId:guid}/payments/{paymentId:guid}/status", ChangeOnboardingPaymentStatus)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ChangeOnboardingPaymentStatus")
            .WithSummary("Moves an invoice on (issued to paid or void, paid to void); paid completes the payment step. 409 for a move back.");

        group.MapPost("/{organizationId:guid}/users", ProvisionOnboardingUsers)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ProvisionOnboardingUsers")
            .WithSummary("Provisions the client organization's users (users: email, name, role Client; language en|de|ja of the invitations), all or none: each created in that organization only, without a password, and invited by e-mail to set one. A member already is left as it is; the provisioning step is then done. 400 naming the field (users[0].email), 409 naming it for an address of another organization.");

        group.MapPost("/{organizationId:guid}/training", ScheduleOnboardingTraining)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ScheduleOnboardingTraining")
            .WithSummary("Schedules a training session for one client role (title, role, startsAt UTC, durationMinutes 15–480). 400 naming the field.");

        group.MapPost("/{organizationId:guid}/training/{sessionId:guid}/attendance", RecordOnboardingTrainingAttendance)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("RecordOnboardingTrainingAttendance")
            .WithSummary("Records who attended a session (userIds: provisioned users with the session's role; 400 naming userIds[i] otherwise). When every provisioned user has attended a session for their role, the training step is done.");

        return app;
    }

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> ScheduleOnboardingTraining(Guid organizationId, [FromBody] ScheduleTrainingRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct)
    {
        var done = await desk.ScheduleTrainingAsync(organizationId, request, By(user), ct);
        return done.Succeeded ? TypedResults.Ok((await onboardings.ForOrganizationAsync(organizationId, ct))!) : done.Error.ToProblem();
    }

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> RecordOnboardingTrainingAttendance(Guid organizationId, Guid sessionId, [FromBody] RecordAttendanceRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct)
    {
        var done = await desk.RecordAttendanceAsync(organizationId, sessionId, request, By(user), ct);
        return done.Succeeded ? TypedResults.Ok((await onboardings.ForOrganizationAsync(organizationId, ct))!) : done.Error.ToProblem();
    }

    private static async Task<Results<Ok<OnboardingPage>, ProblemHttpResult>> ListOnboardings(int? page, int? pageSize, OnboardingQueries onboardings, CancellationToken ct) =>
        (await onboardings.ListAsync(page, pageSize, ct)).ToOk();

    private static async Task<Results<Ok<ProvisioningResult>, ProblemHttpResult>> ProvisionOnboardingUsers(Guid organizationId, [FromBody] ProvisionUsersRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct)
    {
        var done = await desk.ProvisionAsync(organizationId, request, By(user), ct);
        return done.Succeeded
            ? TypedResults.Ok(new ProvisioningResult(done.Value.Users, done.Value.Created, (await onboardings.ForOrganizationAsync(organizationId, ct))!))
            : done.Error.ToProblem();
    }

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> GetOnboarding(Guid organizationId, OnboardingQueries onboardings, CancellationToken ct) =>
        await onboardings.ForOrganizationAsync(organizationId, ct) is { } onboarding
            ? TypedResults.Ok(onboarding)
            : Error.NotFound("Onboarding of organization", organizationId).ToProblem();

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> CompleteOnboardingStep(Guid organizationId, string step, [FromBody] CompleteStepRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct)
    {
        var done = await desk.CompleteAsync(organizationId, step, request.Evidence, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", ct);
        return done.Succeeded ? TypedResults.Ok((await onboardings.ForOrganizationAsync(organizationId, ct))!) : done.Error.ToProblem();
    }

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> AssignOnboardingStep(Guid organizationId, string step, [FromBody] AssignStepRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct) =>
        await Answer(organizationId, await desk.AssignAsync(organizationId, step, request.OwnerId, request.DueAt, By(user), ct), onboardings, ct);

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> RecordOnboardingPayment(Guid organizationId, [FromBody] RecordPaymentRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct) =>
        await Answer(organizationId, await desk.RecordPaymentAsync(organizationId, request, By(user), ct), onboardings, ct);

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> ChangeOnboardingPaymentStatus(Guid organizationId, Guid paymentId, [FromBody] ChangePaymentStatusRequest request, ClaimsPrincipal user, OnboardingDesk desk, OnboardingQueries onboardings, CancellationToken ct) =>
        await Answer(organizationId, await desk.ChangePaymentStatusAsync(organizationId, paymentId, request.Status, By(user), ct), onboardings, ct);

    private static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> Answer(Guid organizationId, Result<ClientOnboarding> done, OnboardingQueries onboardings, CancellationToken ct) =>
        done.Succeeded ? TypedResults.Ok((await onboardings.ForOrganizationAsync(organizationId, ct))!) : done.Error.ToProblem();

    private static string By(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
