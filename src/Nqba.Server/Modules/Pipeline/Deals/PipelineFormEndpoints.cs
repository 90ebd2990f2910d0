using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Pipeline.Catalogue;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// The board's and the deal page's forms (anti-forgery checked): the same <see cref="DealDesk"/> moves and edits as the
/// API. Each redirects back, with the problem when there is one; a stale version (the deal moved since the page was
/// drawn) is refused, not applied over the other person's change.
/// </summary>
internal static class PipelineFormEndpoints
{
    public static IEndpointRouteBuilder MapPipelineFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/pipeline/deals/{id:guid}").WithTags("Pipeline forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Staff).WithFormBinding();

        group.MapPost("/move", SubmitMoveDeal).WithName("SubmitMoveDeal");

        group.MapPost("/edit", SubmitEditDeal).WithName("SubmitEditDeal");

        group.MapPost("/notes", SubmitDealNote).WithName("SubmitDealNote");

        group.MapPost("/products/add", SubmitAddDealProduct).WithName("SubmitAddDealProduct");

        group.MapPost("/products/remove", SubmitRemoveDealProduct).WithName("SubmitRemoveDealProduct");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitMoveDeal(Guid id, [FromForm] MoveForm form, DealDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var moved = await desk.MoveAsync(id, form.Stage, form.Reason, PipelineEndpoints.Actor(user), Version(form.Version), ct);
        return Back(form.ReturnTo, id, moved.Succeeded ? null : moved.Error);
    }

    private static async Task<RedirectHttpResult> SubmitEditDeal(Guid id, [FromForm] EditForm form, DealDesk desk, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var value = FormNumber(form.Value, "value", fields);

        DateOnly? close = null;
        if (!string.IsNullOrWhiteSpace(form.ExpectedClose))
        {
            if (DateOnly.TryParseExact(form.ExpectedClose.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                close = date;
            }
            else
            {
                fields["expectedClose"] = ["expectedClose must be a date (yyyy-MM-dd)."];
            }
        }

        var currency = string.IsNullOrWhiteSpace(form.Currency) ? null : form.Currency.Trim();
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            fields["currency"] = ["currency must be a three-letter ISO 4217 code."];
        }

        if (fields.Count > 0)
        {
            return Back(null, id, Error.Validation(fields));
        }

        var updated = await desk.UpdateAsync(id, new UpdateDealRequest(value, currency, close, form.BudgetConfirmed is "true" or "on", null), Version(form.Version), ct);
        return Back(null, id, updated.Succeeded ? null : updated.Error);
    }

    private static async Task<RedirectHttpResult> SubmitDealNote(Guid id, [FromForm] NoteForm form, DealDesk desk, ClaimsPrincipal user, CancellationToken ct)
    {
        var added = await desk.AddNoteAsync(id, form.Text, PipelineEndpoints.Actor(user), ct);
        return Back(null, id, added.Succeeded ? null : added.Error, "timeline");
    }

    /// <summary>Adds a catalogue product to the deal's products (the deal's value follows them).</summary>
    private static async Task<RedirectHttpResult> SubmitAddDealProduct(Guid id, [FromForm] ProductForm form, ProductCatalogue catalogue, DealQueries deals, CancellationToken ct)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var quantity = FormNumber(form.Quantity, "quantity", fields) ?? 1m;
        var price = FormNumber(form.UnitPrice, "unitPrice", fields);
        if (fields.Count > 0)
        {
            return Back(null, id, Error.Validation(fields), "products");
        }

        if (await deals.GetAsync(id, ct) is not { } deal)
        {
            return Back(null, id, Error.NotFound("Deal", id), "products");
        }

        var items = Current(deal).Append(new DealItemRequest(form.Product, quantity, price)).ToList();
        var set = await catalogue.SetDealItemsAsync(id, new SetDealItemsRequest(items), Version(form.Version), ct);
        return Back(null, id, set.Succeeded ? null : set.Error, "products");
    }

    /// <summary>Takes one product off the deal (by its position on the page the form was drawn from, checked by the version).</summary>
    private static async Task<RedirectHttpResult> SubmitRemoveDealProduct(Guid id, [FromForm] ProductForm form, ProductCatalogue catalogue, DealQueries deals, CancellationToken ct)
    {
        if (await deals.GetAsync(id, ct) is not { } deal)
        {
            return Back(null, id, Error.NotFound("Deal", id), "products");
        }

        var items = Current(deal).ToList();
        if (!int.TryParse(form.Position, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position >= items.Count)
        {
            return Back(null, id, Error.Validation("position", "position names none of the deal's products; reload the page."), "products");
        }

        items.RemoveAt(position);
        var set = await catalogue.SetDealItemsAsync(id, new SetDealItemsRequest(items), Version(form.Version), ct);
        return Back(null, id, set.Succeeded ? null : set.Error, "products");
    }

    private static IEnumerable<DealItemRequest> Current(DealDto deal) =>
        (deal.Products ?? []).Select(p => new DealItemRequest(p.Product, p.Quantity, p.UnitPrice));

    /// <summary>A decimal field of a form in the invariant culture; empty is null, anything else unreadable is named in <paramref name="fields"/>.</summary>
    private static decimal? FormNumber(string? text, string field, Dictionary<string, string[]> fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        fields[field] = [$"{field} must be a number, e.g. 12500.00."];
        return null;
    }

    private static int? Version(string? version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>Back to the board (with its unit filter) or the deal page; only these two local places are allowed.</summary>
    private static RedirectHttpResult Back(string? returnTo, Guid id, Error? error, string? anchor = null)
    {
        var target = returnTo is not null && returnTo.StartsWith("/pipeline", StringComparison.Ordinal) && !returnTo.StartsWith("//", StringComparison.Ordinal) && Uri.IsWellFormedUriString(returnTo, UriKind.Relative)
            ? returnTo
            : $"/pipeline/deals/{id}";
        var fragment = anchor is null ? null : "#" + anchor;
        if (error is null)
        {
            return TypedResults.LocalRedirect(target + fragment);
        }

        var message = error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Detail;
        return TypedResults.LocalRedirect(target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "error=" + Uri.EscapeDataString(message) + fragment);
    }

    internal sealed class MoveForm
    {
        public string? Stage { get; set; }

        public string? Reason { get; set; }

        public string? Version { get; set; }

        public string? ReturnTo { get; set; }
    }

    internal sealed class NoteForm
    {
        [System.ComponentModel.DataAnnotations.MaxLength(Deals.DealNote.MaxLength)]
        public string? Text { get; set; }
    }

    internal sealed class ProductForm
    {
        public string? Product { get; set; }

        public string? Quantity { get; set; }

        public string? UnitPrice { get; set; }

        public string? Position { get; set; }

        public string? Version { get; set; }
    }

    internal sealed class EditForm
    {
        public string? Value { get; set; }

        public string? Currency { get; set; }

        public string? ExpectedClose { get; set; }

        public string? BudgetConfirmed { get; set; }

        public string? Version { get; set; }
    }
}
