using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
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
        app.MapPost("/onboarding/{organizationId:guid}/assign", SubmitAssignOnboardingStep)
            .WithTags("Onboarding forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding()
            .WithName("SubmitAssignOnboardingStep");
        app.MapPost("/onboarding/{organizationId:guid}/payments", SubmitRecordOnboardingPayment)
            .WithTags("Onboarding forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding()
            .WithName("SubmitRecordOnboardingPayment");
        app.MapPost("/onboarding/{organizationId:guid}/payments/{paymentId:guid}/status", SubmitChangeOnboardingPaymentStatus)
            .WithTags("Onboarding forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding()
            .WithName("SubmitChangeOnboardingPaymentStatus");
        app.MapPost("/onboarding/{organizationId:guid}/users", SubmitProvisionOnboardingUser)
            .WithTags("Onboarding forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding()
            .WithName("SubmitProvisionOnboardingUser");
        app.MapPost("/onboarding/{organizationId:guid}/training", SubmitScheduleOnboardingTraining)
            .WithTags("Onboarding forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding()
            .WithName("SubmitScheduleOnboardingTraining");
        app.MapPost("/onboarding/{organizationId:guid}/training/{sessionId:guid}/attendance", SubmitOnboardingTrainingAttendance)
            .WithTags("Onboarding forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding()
            .WithName("SubmitOnboardingTrainingAttendance");
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitScheduleOnboardingTraining(Guid organizationId, [FromForm] TrainingForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        // The form's date and time are UTC (the page says so).
        DateTime? starts = DateTime.TryParse(form.StartsAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        if (!string.IsNullOrWhiteSpace(form.StartsAt) && starts is null)
        {
            return Back(organizationId, Error.Validation("startsAt", "The start is a date and time (yyyy-mm-ddThh:mm)."));
        }

        int? minutes = int.TryParse(form.DurationMinutes, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : null;
        if (!string.IsNullOrWhiteSpace(form.DurationMinutes) && minutes is null)
        {
            return Back(organizationId, Error.Validation("durationMinutes", "The duration is a whole number of minutes."));
        }

        var done = await desk.ScheduleTrainingAsync(organizationId, new ScheduleTrainingRequest(form.Title, form.Role, starts, minutes), By(user), ct);
        return Back(organizationId, done.Succeeded ? null : done.Error);
    }

    private static async Task<RedirectHttpResult> SubmitOnboardingTrainingAttendance(Guid organizationId, Guid sessionId, [FromForm] AttendanceForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = (form.UserIds ?? []).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList();
        var done = await desk.RecordAttendanceAsync(organizationId, sessionId, new RecordAttendanceRequest(ids), By(user), ct);
        return Back(organizationId, done.Succeeded ? null : done.Error);
    }

    private static async Task<RedirectHttpResult> SubmitProvisionOnboardingUser(Guid organizationId, [FromForm] ProvisionForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var done = await desk.ProvisionAsync(organizationId, new ProvisionUsersRequest([new Access.ClientUserInvite(form.Email, form.Name, form.Role)], string.IsNullOrEmpty(form.Language) ? null : form.Language), By(user), ct);
        return Back(organizationId, done.Succeeded ? null : done.Error);
    }

    private static async Task<RedirectHttpResult> SubmitCompleteOnboardingStep(Guid organizationId, string step, [FromForm] StepForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var done = await desk.CompleteAsync(organizationId, step, form.Evidence, By(user), ct);
        return Back(organizationId, done);
    }

    private static async Task<RedirectHttpResult> SubmitAssignOnboardingStep(Guid organizationId, [FromForm] AssignForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        // The date field is a day: the step falls due at the end of it (UTC).
        DateTime? due = DateOnly.TryParse(form.DueDate, System.Globalization.CultureInfo.InvariantCulture, out var day) ? day.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc) : null;
        if (!string.IsNullOrWhiteSpace(form.DueDate) && due is null)
        {
            return Back(organizationId, Error.Validation("dueAt", "The due date is a date (yyyy-mm-dd)."));
        }

        var owner = Guid.TryParse(form.OwnerId, out var id) ? id : (Guid?)null;
        return Back(organizationId, await desk.AssignAsync(organizationId, form.Step, owner, due, By(user), ct));
    }

    private static async Task<RedirectHttpResult> SubmitRecordOnboardingPayment(Guid organizationId, [FromForm] PaymentForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        decimal? amount = decimal.TryParse(form.Amount, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;
        if (!string.IsNullOrWhiteSpace(form.Amount) && amount is null)
        {
            return Back(organizationId, Error.Validation("amount", "The amount is a number such as 9000.00."));
        }

        return Back(organizationId, await desk.RecordPaymentAsync(organizationId, new RecordPaymentRequest(form.InvoiceNumber, amount, form.Currency, form.Status), By(user), ct));
    }

    private static async Task<RedirectHttpResult> SubmitChangeOnboardingPaymentStatus(Guid organizationId, Guid paymentId, [FromForm] PaymentStatusForm form, OnboardingDesk desk, ClaimsPrincipal user, CancellationToken ct) =>
        Back(organizationId, await desk.ChangePaymentStatusAsync(organizationId, paymentId, form.Status, By(user), ct));

    /// <summary>Back to the client's panel, with the problem (each invalid field's message) when there is one.</summary>
    private static RedirectHttpResult Back(Guid organizationId, Result<ClientOnboarding> done) =>
        Back(organizationId, done.Succeeded ? null : done.Error);

    private static RedirectHttpResult Back(Guid organizationId, Error? error)
    {
        var message = error is null ? null : error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Detail;
        var field = error?.Fields?.Keys.FirstOrDefault();
        var query = message is null ? null : "?error=" + Uri.EscapeDataString(message) + (field is null ? null : "&field=" + Uri.EscapeDataString(field));
        return TypedResults.LocalRedirect($"/onboarding{query}#org-{organizationId}");
    }

    private static string By(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";

    internal sealed class StepForm
    {
        public string? Evidence { get; set; }
    }

    internal sealed class AssignForm
    {
        public string? Step { get; set; }

        public string? OwnerId { get; set; }

        public string? DueDate { get; set; }
    }

    internal sealed class PaymentForm
    {
        public string? InvoiceNumber { get; set; }

        public string? Amount { get; set; }

        public string? Currency { get; set; }

        public string? Status { get; set; }
    }

    internal sealed class ProvisionForm
    {
        public string? Email { get; set; }

        public string? Name { get; set; }

        public string? Role { get; set; }

        public string? Language { get; set; }
    }

    internal sealed class TrainingForm
    {
        public string? Title { get; set; }

        public string? Role { get; set; }

        public string? StartsAt { get; set; }

        public string? DurationMinutes { get; set; }
    }

    internal sealed class AttendanceForm
    {
        public List<string>? UserIds { get; set; }
    }

    internal sealed class PaymentStatusForm
    {
        public string? Status { get; set; }
    }
}
