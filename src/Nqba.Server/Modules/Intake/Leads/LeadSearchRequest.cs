using System.Globalization;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>The query string of <c>GET /api/leads/search</c>, as text: <see cref="ToSearch"/> names each bad field.</summary>
internal sealed record LeadSearchRequest(
    string? Q,
    string? Unit,
    string? Tier,
    string? Region,
    string? Response,
    string? SpecialistId,
    string? CapturedWithinHours,
    string? Sort,
    string? Page,
    string? PageSize)
{
    public Result<LeadSearch> ToSearch() => Parse(lenient: false);

    /// <summary>The search with every readable parameter, a bad one left out (how a page treats a mistyped link).</summary>
    public LeadSearch ToLenientSearch() => Parse(lenient: true).Value!;

    private Result<LeadSearch> Parse(bool lenient)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        T? Parsed<T>(string? value, string field, string message)
            where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
            {
                return parsed;
            }

            errors[field] = [message];
            return null;
        }

        int? Number(string? value, string field, int min, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"A whole number from {min} to {max}.")];
            return null;
        }

        var tier = Parsed<LeadTier>(Tier, "tier", "The tier is cold, lukewarm, warm or hot.");
        var response = Parsed<ResponseState>(Response, "response", "The response state is running, atRisk, breached, met or metLate.");
        var order = Parsed<LeadOrder>(Sort, "sort", "The order is newest, oldest, score, company or responseDue.");
        Guid? specialist = null;
        if (!string.IsNullOrWhiteSpace(SpecialistId))
        {
            if (Guid.TryParse(SpecialistId.Trim(), out var id))
            {
                specialist = id;
            }
            else
            {
                errors["specialistId"] = ["A specialist's id (a GUID)."];
            }
        }

        var hours = Number(CapturedWithinHours, "capturedWithinHours", 1, 24 * 366);
        var page = Number(Page, "page", 1, 1_000_000);
        var size = Number(PageSize, "pageSize", 1, LeadSearch.MaxPageSize);
        if (Q is { Length: > 200 })
        {
            errors["q"] = ["At most 200 characters."];
        }

        if (errors.Count > 0 && !lenient)
        {
            return Error.Validation(errors);
        }

        return new LeadSearch(errors.ContainsKey("q") ? null : Q, string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), tier, string.IsNullOrWhiteSpace(Region) ? null : Region.Trim(), hours, response, specialist,
            order ?? LeadOrder.Newest, page ?? 1, size ?? LeadSearch.DefaultPageSize);
    }
}
