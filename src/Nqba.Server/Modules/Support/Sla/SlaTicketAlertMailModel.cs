namespace Nqba.Server.Modules.Support.Sla;

/// <summary>An SLA warning or breach of a ticket, to its team lead or (<paramref name="Page"/>) the person on call.</summary>
public sealed record SlaTicketAlertMailModel(bool Breach, bool Page, Guid TicketId, long Number, string Subject, TicketPriority Priority, SlaClockKind Clock, DateTime DueAt);
