namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>The page for a newly opened emergency ticket.</summary>
public sealed record EmergencyPageMailModel(Guid TicketId, long Number, string Subject, TicketPriority Priority, TicketChannel Channel, DateTime OpenedAt);
