using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>The fields of a deal a person edits; a field left out keeps its value.</summary>
public sealed record UpdateDealRequest(
    decimal? Value,
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "currency must be a three-letter ISO 4217 code.")] string? Currency,
    DateOnly? ExpectedClose,
    bool? BudgetConfirmed,
    Guid? OwnerId);

/// <summary>A move of a deal to a stage (its API identifier), with the reason (required for <c>lost</c>).</summary>
public sealed record MoveDealRequest([Required] string? Stage, [MaxLength(500)] string? Reason);
