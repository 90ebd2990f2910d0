namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>One page of leads and how many match in all.</summary>
internal sealed record LeadSearchResultDto(IReadOnlyList<LeadDto> Items, int Total, int Page, int PageSize, int Pages);
