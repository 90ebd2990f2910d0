namespace Nqba.Server.Modules.Monitoring.Sla;

/// <summary>A client's month: availability of each subscribed service against its target and the credit owed.</summary>
public sealed record SlaReportDto(Guid OrganizationId, string Month, DateTime From, DateTime To, IReadOnlyList<SlaLineDto> Services, decimal TotalCredit);
