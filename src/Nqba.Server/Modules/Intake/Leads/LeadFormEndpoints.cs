using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>The staff lead page's forms (anti-forgery checked); each redirects back to the page, with the problem when there is one.</summary>
internal static class LeadFormEndpoints
{
    public static IEndpointRouteBuilder MapLeadFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/leads/{id:guid}").WithTags("Lead forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding();

        group.MapPost("/touch", SubmitTouchLead).WithMetadata(new RequireAntiforgeryTokenAttribute()).WithName("SubmitTouchLead");

        group.MapPost("/override", SubmitOverrideAssessment).WithName("SubmitOverrideAssessment");

        group.MapPost("/reassign", SubmitReassignLead).WithName("SubmitReassignLead");

        group.MapPost("/route", SubmitRouteLead).WithMetadata(new RequireAntiforgeryTokenAttribute()).WithName("SubmitRouteLead");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitTouchLead(Guid id, LeadCapture capture, CancellationToken ct)
    {
        await capture.TouchAsync(id, ct);
        return Back(id, null);
    }

    private static async Task<RedirectHttpResult> SubmitOverrideAssessment(Guid id, [FromForm] OverrideForm form, AssessmentService assessments, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await assessments.OverrideAsync(id, new OverrideAssessmentRequest(Blank(form.Unit), Blank(form.MeetingType), form.Reason), Staff(user), ct);
        return Back(id, result.Succeeded ? null : result.Error);
    }

    private static async Task<RedirectHttpResult> SubmitReassignLead(Guid id, [FromForm] ReassignForm form, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await routing.ReassignAsync(id, new ReassignLeadRequest(form.SpecialistId, form.Reason), Staff(user), ct);
        return Back(id, result.Succeeded ? null : result.Error);
    }

    private static async Task<RedirectHttpResult> SubmitRouteLead(Guid id, LeadRouting routing, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await routing.RouteAsync(id, Staff(user), ct);
        return Back(id, result.Succeeded ? null : result.Error);
    }

    private static RedirectHttpResult Back(Guid id, Error? error) =>
        TypedResults.LocalRedirect(error is null ? $"/leads/{id}" : $"/leads/{id}?error={Uri.EscapeDataString(error.Detail + " " + string.Join(" ", error.Fields?.SelectMany(f => f.Value) ?? []))}");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Staff(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff";

    internal sealed class OverrideForm
    {
        public string? Unit { get; set; }

        public string? MeetingType { get; set; }

        public string? Reason { get; set; }
    }

    internal sealed class ReassignForm
    {
        public Guid? SpecialistId { get; set; }

        public string? Reason { get; set; }
    }
}
