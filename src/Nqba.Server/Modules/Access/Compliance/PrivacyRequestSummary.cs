namespace Nqba.Server.Modules.Access.Compliance;

/// <summary>Open data-subject requests against their legal deadlines.</summary>
/// <param name="Open">Requests not yet completed or rejected.</param>
/// <param name="Overdue">Open requests past their deadline.</param>
/// <param name="DueWithinSevenDays">Open requests due in the next seven days (not yet overdue).</param>
/// <param name="NextDueAt">The earliest deadline among the open requests.</param>
public sealed record PrivacyRequestSummary(int Open, int Overdue, int DueWithinSevenDays, DateTime? NextDueAt);
