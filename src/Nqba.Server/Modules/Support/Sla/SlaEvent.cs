namespace Nqba.Server.Modules.Support.Sla;

/// <summary>One entry of a ticket's history (UTC).</summary>
internal readonly record struct SlaEvent(DateTime At, SlaEventKind Kind);
