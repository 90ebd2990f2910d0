using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>
/// The proposal forms (anti-forgery checked), through the same <see cref="ProposalDesk"/> as the API: staff create, edit
/// and send on the deal and proposal pages; the client accepts, declines and signs on the signed link's page. Each
/// answers with a redirect back, naming the problem when there is one.
/// </summary>
internal static class ProposalFormEndpoints
{
    public static IEndpointRouteBuilder MapProposalFormEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/pipeline").WithTags("Proposal forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding();
        staff.MapPost("/deals/{id:guid}/proposals", SubmitCreateProposal).WithName("SubmitCreateProposal");
        staff.MapPost("/proposals/{id:guid}/edit", SubmitEditProposal).WithName("SubmitEditProposal");
        staff.MapPost("/proposals/{id:guid}/send", SubmitSendProposal).WithName("SubmitSendProposal");

        var client = app.MapGroup("/proposals/{token}").WithTags("Proposal forms").ExcludeFromDescription().AllowAnonymous().RequireRateLimiting(RateLimiting.PublicForms).WithFormBinding();
        client.MapPost("/accept", SubmitAcceptProposal).WithName("SubmitAcceptProposal");
        client.MapPost("/decline", SubmitDeclineProposal).WithName("SubmitDeclineProposal");
        client.MapPost("/sign", SubmitSignProposal).WithName("SubmitSignProposal");
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitCreateProposal(Guid id, [FromForm] ProposalForm form, ProposalDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = form.ToRequest();
        if (!request.Succeeded)
        {
            return Back($"/pipeline/deals/{id}", request.Error, "#new-proposal");
        }

        var created = await desk.CreateAsync(id, request.Value, PipelineEndpoints.Actor(user), ct);
        return created.Succeeded
            ? TypedResults.LocalRedirect($"/pipeline/proposals/{created.Value.Id}")
            : Back($"/pipeline/deals/{id}", created.Error, "#new-proposal");
    }

    private static async Task<RedirectHttpResult> SubmitEditProposal(Guid id, [FromForm] ProposalForm form, ProposalDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var request = form.ToRequest();
        if (!request.Succeeded)
        {
            return Back($"/pipeline/proposals/{id}", request.Error, "#edit");
        }

        var updated = await desk.UpdateAsync(id, request.Value, PipelineEndpoints.Actor(user), Version(form.Version), ct);
        return updated.Succeeded
            ? TypedResults.LocalRedirect($"/pipeline/proposals/{id}?saved=true")
            : Back($"/pipeline/proposals/{id}", updated.Error, "#edit");
    }

    private static async Task<RedirectHttpResult> SubmitSendProposal(Guid id, [FromForm] SendForm form, ProposalDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var sent = await desk.SendAsync(id, PipelineEndpoints.Actor(user), Version(form.Version), ct);
        return sent.Succeeded
            ? TypedResults.LocalRedirect($"/pipeline/proposals/{id}?sent=true")
            : Back($"/pipeline/proposals/{id}", sent.Error, null);
    }

    private static async Task<RedirectHttpResult> SubmitAcceptProposal(string token, [FromForm] ClientForm form, ProposalDesk desk, CancellationToken ct)
    {
        var accepted = await desk.AcceptAsync(token, ct);
        return ClientBack(token, form.Lang, accepted.Succeeded ? null : accepted.Error, "accepted");
    }

    private static async Task<RedirectHttpResult> SubmitDeclineProposal(string token, [FromForm] ClientForm form, ProposalDesk desk, CancellationToken ct)
    {
        var declined = await desk.DeclineAsync(token, form.Reason, ct);
        return ClientBack(token, form.Lang, declined.Succeeded ? null : declined.Error, "declined");
    }

    private static async Task<RedirectHttpResult> SubmitSignProposal(string token, [FromForm] ClientForm form, HttpContext http, ProposalDesk desk, CancellationToken ct)
    {
        var request = new SignContractRequest(form.FullName, form.Consent is "true" or "on", form.DocumentSha256?.Trim());
        var signed = await desk.SignAsync(token, request, http.Connection.RemoteIpAddress?.ToString(), ct);
        return ClientBack(token, form.Lang, signed.Succeeded ? null : signed.Error, "signed");
    }

    /// <summary>
    /// Back to the client's page: <c>done</c> on success, else <c>error</c> with a code the page words in the client's
    /// language (expired, changed, a field name, conflict, missing, gone).
    /// </summary>
    private static RedirectHttpResult ClientBack(string token, string? lang, Error? error, string done)
    {
        var page = ProposalLinks.PagePath(token, UiCultures.Normalize(lang));
        if (error is null)
        {
            return TypedResults.LocalRedirect($"{page}&done={done}");
        }

        var code = error.Fields?.ContainsKey("validUntil") == true ? "expired"
            : error.Fields?.ContainsKey("documentSha256") == true && error.Status == StatusCodes.Status409Conflict ? "changed"
            : error.Status == StatusCodes.Status410Gone ? "gone"
            : error.ToFormField();
        return TypedResults.LocalRedirect($"{page}&error={Uri.EscapeDataString(code)}");
    }

    private static RedirectHttpResult Back(string page, Error error, string? anchor)
    {
        var message = error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Detail;
        return TypedResults.LocalRedirect($"{page}?error={Uri.EscapeDataString(message)}{anchor}");
    }

    private static int? Version(string? version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>The staff's proposal form: the content and the rows of line items (empty rows are left out).</summary>
    internal sealed class ProposalForm
    {
        public string? Title { get; set; }

        public string? RecipientName { get; set; }

        public string? RecipientEmail { get; set; }

        public string? Language { get; set; }

        public string? DiscountKind { get; set; }

        public string? DiscountValue { get; set; }

        public string? ValidUntil { get; set; }

        public string? Terms { get; set; }

        public string? Version { get; set; }

        public List<ProposalFormItem> Items { get; set; } = [];

        /// <summary>The API's request from the form's text, or 400 naming the fields that are not numbers or dates.</summary>
        public Result<ProposalRequest> ToRequest()
        {
            var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var items = new List<ProposalLineItemRequest>();
            foreach (var row in Items.Where(r => !string.IsNullOrWhiteSpace(r.Description) || !string.IsNullOrWhiteSpace(r.Quantity) || !string.IsNullOrWhiteSpace(r.UnitPrice)))
            {
                var index = items.Count;
                var quantity = Number(row.Quantity);
                var price = Number(row.UnitPrice);
                if (quantity is null)
                {
                    fields[$"lineItems[{index}].quantity"] = [$"Line {index + 1}: the quantity must be a number, e.g. 2 or 1.5."];
                }

                if (price is null)
                {
                    fields[$"lineItems[{index}].unitPrice"] = [$"Line {index + 1}: the unit price must be a number, e.g. 1200.00."];
                }

                items.Add(new ProposalLineItemRequest(row.Description, quantity, price));
            }

            ProposalDiscountRequest? discount = null;
            if (!string.IsNullOrWhiteSpace(DiscountKind) && DiscountKind != "none")
            {
                if (Number(DiscountValue) is { } value)
                {
                    discount = new ProposalDiscountRequest(DiscountKind, value);
                }
                else
                {
                    fields["discount.value"] = ["The discount must be a number, e.g. 10 (percent) or 500.00 (amount)."];
                }
            }

            DateOnly? validUntil = DateOnly.TryParseExact(ValidUntil?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            if (validUntil is null)
            {
                fields["validUntil"] = ["Valid until must be a date (yyyy-MM-dd)."];
            }

            return fields.Count > 0
                ? Error.Validation(fields)
                : new ProposalRequest(Title, RecipientName, RecipientEmail, Language, items, discount, validUntil, Terms);
        }

        private static decimal? Number(string? text) =>
            decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>One row of line items as the browser sends it.</summary>
    internal sealed class ProposalFormItem
    {
        public string? Description { get; set; }

        public string? Quantity { get; set; }

        public string? UnitPrice { get; set; }
    }

    internal sealed class SendForm
    {
        public string? Version { get; set; }
    }

    /// <summary>The client's forms: the page's language, and what each answer needs.</summary>
    internal sealed class ClientForm
    {
        public string? Lang { get; set; }

        public string? Reason { get; set; }

        public string? FullName { get; set; }

        public string? Consent { get; set; }

        public string? DocumentSha256 { get; set; }
    }
}
