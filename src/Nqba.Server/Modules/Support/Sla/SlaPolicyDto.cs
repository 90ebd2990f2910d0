namespace Nqba.Server.Modules.Support.Sla;

public sealed record SlaPolicyDto(string Name, TicketChannel? Channel, TicketPriority? Priority, TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution, bool AroundTheClock);
