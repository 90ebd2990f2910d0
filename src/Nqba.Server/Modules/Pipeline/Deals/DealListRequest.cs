using System.Globalization;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>The query string of the deal list and its CSV export, as text: <see cref="ToFilter"/> names each bad field.</summary>
internal sealed record DealListRequest(string? Unit, string? Stage, string? Owner, string? Take)
{
    public Result<DealFilter> ToFilter()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DealStage? stage = null;
        if (!string.IsNullOrWhiteSpace(Stage))
        {
            stage = DealStages.Parse(Stage);
            if (stage is null)
            {
                errors["stage"] = [$"Unknown stage '{Stage}'. Stages: {DealStages.Names}."];
            }
        }

        Guid? owner = null;
        if (!string.IsNullOrWhiteSpace(Owner))
        {
            if (Guid.TryParse(Owner, out var id))
            {
                owner = id;
            }
            else
            {
                errors["owner"] = ["owner must be a specialist id (a GUID)."];
            }
        }

        var take = DealQueries.MaxPageSize;
        if (!string.IsNullOrWhiteSpace(Take) && (!int.TryParse(Take, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > DealQueries.MaxPageSize))
        {
            errors["take"] = [$"take must be a whole number from 1 to {DealQueries.MaxPageSize}."];
        }

        if (Unit is { Length: > 40 })
        {
            errors["unit"] = ["unit is a unit code of at most 40 characters."];
        }

        return errors.Count > 0 ? Error.Validation(errors) : new DealFilter(string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), stage, owner, take);
    }
}

/// <summary>The query string of the pipeline figures.</summary>
internal sealed record PipelineMetricsRequest(string? Unit, string? From, string? To)
{
    public Result<(string? Unit, DateTime? From, DateTime? To)> Parse()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTime? Date(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed.UtcDateTime;
            }

            errors[field] = [$"{field} must be a date or an ISO 8601 time, e.g. 2026-12-01."];
            return null;
        }

        var from = Date(From, "from");
        var to = Date(To, "to");
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["to must be after from."];
        }

        return errors.Count > 0 ? Error.Validation(errors) : (string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), from, to);
    }
}
