namespace Nqba.Server.Modules.Scheduling.Leads;

/// <summary>
/// Scheduling's own copy of what Intake published about a lead (<c>AssessmentCompleted</c>, <c>LeadRouted</c>):
/// who it was routed to and why, its SigmaEQ score and recommended meeting type. Intake's tables are never read.
/// </summary>
internal sealed class RoutedLead
{
    public Guid LeadId { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? SpecialistId { get; set; }

    public string? UnitCode { get; set; }

    public string? RoutingReason { get; set; }

    public string? RoutingMethod { get; set; }

    public DateTime? RoutedAt { get; set; }

    public int? AssessmentTotal { get; set; }

    public string? RecommendedUnit { get; set; }

    public string? RunnerUpUnit { get; set; }

    public string? MeetingType { get; set; }

    public DateTime? AssessedAt { get; set; }
}
