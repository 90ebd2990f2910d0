using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Support.Pages;

/// <summary>The support pages' forms (anti-forgery checked); each redirects back, with the invalid fields when there are some.</summary>
internal static class SupportFormEndpoints
{
    public static IEndpointRouteBuilder MapSupportFormEndpoints(this IEndpointRouteBuilder app)
    {
        // One group for every form, so each is bound and checked the same way (FormBinding).
        var forms = app.MapGroup(string.Empty).WithFormBinding();
        var tickets = forms.MapGroup("/support/tickets/{id:guid}").WithTags("Support forms").ExcludeFromDescription().RequireAuthorization();
        tickets.MapPost("/reply", SubmitSupportReply).WithMetadata(new RequireAntiforgeryTokenAttribute()).WithName("SubmitSupportReply");
        tickets.MapPost("/call", SubmitSupportCall).WithMetadata(new RequireAntiforgeryTokenAttribute()).RequireAuthorization(NqbaPolicies.Staff).WithName("SubmitSupportCall");
        tickets.MapPost("/status", SubmitSupportStatus).WithMetadata(new RequireAntiforgeryTokenAttribute()).RequireAuthorization(NqbaPolicies.Staff).WithName("SubmitSupportStatus");
        tickets.MapPost("/priority", SubmitSupportPriority).WithMetadata(new RequireAntiforgeryTokenAttribute()).RequireAuthorization(NqbaPolicies.Staff).WithName("SubmitSupportPriority");

        forms.MapPost("/support/portal/new", SubmitSupportPortalTicket).WithMetadata(new RequireAntiforgeryTokenAttribute()).RequireAuthorization().WithTags("Support forms").ExcludeFromDescription().WithName("SubmitSupportPortalTicket");

        forms.MapPost("/support/survey/{token}", SubmitSupportSurvey).WithMetadata(new RequireAntiforgeryTokenAttribute()).AllowAnonymous().RequireRateLimiting(Platform.Web.RateLimiting.PublicForms).WithTags("Support forms").ExcludeFromDescription().WithName("SubmitSupportSurvey");
        // The public request page (anonymous, rate limited like POST /api/support/requests): a WebForm ticket.
        forms.MapPost("/support/request/submit", SubmitSupportRequestForm).WithMetadata(new RequireAntiforgeryTokenAttribute()).AllowAnonymous().RequireRateLimiting(Platform.Web.RateLimiting.PublicForms).WithTags("Support forms").ExcludeFromDescription().WithName("SubmitSupportRequestForm");

        // The inbox's available/away switch of the signed-in agent.
        forms.MapPost("/support/inbox/availability", SubmitSupportAvailability).WithMetadata(new RequireAntiforgeryTokenAttribute()).RequireAuthorization(NqbaPolicies.Staff).WithTags("Support forms").ExcludeFromDescription().WithName("SubmitSupportAvailability");
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitSupportReply(Guid id, [FromForm] SupportForm form, ClaimsPrincipal user, TicketDesk desk, CancellationToken ct)
    {
        var client = user.IsInRole(NqbaRoles.Client);
        var result = await desk.AddMessageAsync(id, new NewMessage(TicketChannel.Portal, client ? MessageAuthor.Client : MessageAuthor.Agent, user.DisplayName(), form.Body, AuthorUserId: user.UserId(), Internal: !client && form.Internal), ct);
        return Back(id, result.Error);
    }

    private static async Task<RedirectHttpResult> SubmitSupportCall(Guid id, [FromForm] SupportForm form, ClaimsPrincipal user, TicketDesk desk, CancellationToken ct)
    {
        // The form's date-time field has no zone: it is read as UTC, as the page says.
        var callback = form.CallbackAt is { } at ? new NewCallback(DateTime.SpecifyKind(at, DateTimeKind.Utc), form.Summary ?? string.Empty, user.UserId()) : null;
        var result = await desk.LogCallAsync(id, new NewMessage(TicketChannel.Phone, MessageAuthor.Agent, user.DisplayName(), form.Summary, AuthorUserId: user.UserId(), CallDirection: CallDirection.Inbound), callback, ct);
        return Back(id, result.Error);
    }

    private static async Task<RedirectHttpResult> SubmitSupportStatus(Guid id, [FromForm] SupportForm form, ClaimsPrincipal user, TicketDesk desk, CancellationToken ct)
    {
        if (!FormBinding.TryParseEnum<TicketStatus>(form.Status, out var status))
        {
            return Back(id, Error.Validation("status", "Unknown status."));
        }

        var result = await desk.ChangeStatusAsync(id, status, user.DisplayName(), null, ct);
        return Back(id, result.Error);
    }

    private static async Task<RedirectHttpResult> SubmitSupportPriority(Guid id, [FromForm] SupportForm form, TicketDesk desk, CancellationToken ct)
    {
        if (!FormBinding.TryParseEnum<TicketPriority>(form.Priority, out var priority))
        {
            return Back(id, Error.Validation("priority", "Unknown priority."));
        }

        var result = await desk.ChangePriorityAsync(id, priority, null, ct);
        return Back(id, result.Error);
    }

    private static async Task<RedirectHttpResult> SubmitSupportPortalTicket([FromForm] SupportForm form, ClaimsPrincipal user, TicketDesk desk, CancellationToken ct)
    {
        var org = user.OrganizationId();
        var priority = FormBinding.TryParseEnum<TicketPriority>(form.Priority, out var p) && p != TicketPriority.Emergency ? p : TicketPriority.Normal;
        if (org is null)
        {
            return TypedResults.LocalRedirect("/support/portal?error=organization");
        }

        var result = await desk.OpenAsync(
            new OpenTicket(form.Subject ?? string.Empty, user.DisplayName(), user.FindFirstValue(ClaimTypes.Email), org, new NewMessage(TicketChannel.Portal, MessageAuthor.Client, user.DisplayName(), form.Body, AuthorUserId: user.UserId()), priority, user.UserId()),
            ct);
        return result.Succeeded
            ? TypedResults.LocalRedirect($"/support/tickets/{result.Value.Id}")
            : TypedResults.LocalRedirect($"/support/portal?error={Uri.EscapeDataString(string.Join(',', result.Error.Fields?.Keys ?? []))}");
    }

    private static async Task<RedirectHttpResult> SubmitSupportSurvey(string token, [FromForm] SupportForm form, SurveyAnswers answers, CancellationToken ct)
    {
        var result = await answers.AnswerAsync(token, form.Score ?? -1, form.Comment, ct);
        return TypedResults.LocalRedirect($"/support/survey/{Uri.EscapeDataString(token)}{(result.Succeeded ? "?done=true" : string.Empty)}");
    }

    private static async Task<RedirectHttpResult> SubmitSupportRequestForm([FromForm] SupportForm form, TicketDesk desk, CancellationToken ct)
    {
        var lang = UiCultures.Normalize(form.Lang);
        var name = form.Name?.Trim() ?? string.Empty;
        var email = form.Email?.Trim() ?? string.Empty;
        var invalid = new List<string>();
        if (name.Length is 0 or > 200)
        {
            invalid.Add("name");
        }

        if (email.Length > 320 || !new EmailAddressAttribute().IsValid(email) || email.Length == 0)
        {
            invalid.Add("email");
        }

        if (invalid.Count > 0)
        {
            return TypedResults.LocalRedirect($"/support/request?lang={lang}&error={Uri.EscapeDataString(string.Join(',', invalid))}");
        }

        var result = await desk.OpenAsync(new OpenTicket(form.Subject ?? string.Empty, name, email, null, new NewMessage(TicketChannel.WebForm, MessageAuthor.Client, name, form.Body), Language: lang), ct);
        return result.Succeeded
            ? TypedResults.LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/support/request?lang={lang}&sent={result.Value.Number}"))
            : TypedResults.LocalRedirect($"/support/request?lang={lang}&error={Uri.EscapeDataString(string.Join(',', result.Error.Fields?.Keys ?? [result.Error.Title]))}");
    }

    private static async Task<RedirectHttpResult> SubmitSupportAvailability([FromForm] SupportForm form, ClaimsPrincipal user, SupportRoster roster, CancellationToken ct)
    {
        var error = await roster.SetAvailabilityAsync(user.UserId(), form.Available ?? false, ct);
        return TypedResults.LocalRedirect(error is null ? "/support/inbox" : "/support/inbox?error=availability");
    }

    private static RedirectHttpResult Back(Guid id, Error? error) =>
        TypedResults.LocalRedirect(error is null ? $"/support/tickets/{id}" : $"/support/tickets/{id}?error={Uri.EscapeDataString(string.Join(',', error.Fields?.Keys ?? [error.Title]))}");
}
