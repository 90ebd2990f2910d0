namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>What the submitter of a lead gets back: the lead's id and the link to its SigmaEQ assessment.</summary>
public sealed record LeadReceipt(Guid LeadId, string? AssessmentUrl);
