namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>One page of a lead search, with how many leads match in all.</summary>
internal sealed record LeadPageResult(IReadOnlyList<Lead> Items, int Total, int Page, int PageSize)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
