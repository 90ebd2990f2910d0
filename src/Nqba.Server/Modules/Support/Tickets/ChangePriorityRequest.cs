using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>The priority a ticket should have (Low, Normal, Urgent, Emergency).</summary>
public sealed record ChangePriorityRequest([Required] TicketPriority? Priority);
