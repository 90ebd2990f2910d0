namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>A request with its deadline: days left (negative when overdue).</summary>
public sealed record PrivacyRequestDto(
    Guid Id,
    PrivacyRequestKind Kind,
    PrivacyLaw Law,
    string? SubjectEmail,
    Guid? OrganizationId,
    PrivacyRequestStatus Status,
    DateTime ReceivedAt,
    DateTime DueAt,
    int DaysLeft,
    bool Overdue,
    DateTime? CompletedAt,
    string? CompletedBy,
    string? Outcome)
{
    internal static PrivacyRequestDto From(PrivacyRequest r, DateTime now) => new(
        r.Id, r.Kind, r.Law, r.SubjectEmail, r.OrganizationId, r.Status, r.ReceivedAt, r.DueAt,
        (int)Math.Floor((r.DueAt - now).TotalDays),
        r.Status == PrivacyRequestStatus.Open ? now > r.DueAt : r.CompletedAt > r.DueAt,
        r.CompletedAt, r.CompletedBy, r.Outcome);
}
