using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Response;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>
/// What the leads workspace asks for: filters (each null when not applied), a search text, an order and a page.
/// The text matches the company or the specialist's name (part of it, any case), or, when it is an e-mail address,
/// the contact's address exactly (through its keyed hash: contact names and addresses are encrypted, so they cannot
/// be matched in part).
/// </summary>
internal sealed record LeadSearch(
    string? Text = null,
    string? Unit = null,
    LeadTier? Tier = null,
    string? Region = null,
    int? CapturedWithinHours = null,
    ResponseState? Response = null,
    Guid? SpecialistId = null,
    LeadOrder Order = LeadOrder.Newest,
    int Page = 1,
    int PageSize = LeadSearch.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;
}
