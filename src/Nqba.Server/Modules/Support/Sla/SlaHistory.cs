using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>Turns a ticket's stored messages and status changes into the history its clocks are computed from.</summary>
internal static class SlaHistory
{
    public static List<SlaEvent> Of(DateTime openedAt, IEnumerable<TicketStatusChange> changes, IEnumerable<(DateTime At, MessageAuthor Author, bool Internal)> messages)
    {
        // Status changes go first: at equal instants a reopen must precede the client message that caused it.
        var history = new List<SlaEvent> { new(openedAt, SlaEventKind.Opened) };
        foreach (var c in changes.OrderBy(c => c.At))
        {
            if (c.From == TicketStatus.PendingOnClient && c.To != TicketStatus.PendingOnClient)
            {
                history.Add(new(c.At, SlaEventKind.Resumed));
            }

            switch (c.To)
            {
                case TicketStatus.PendingOnClient:
                    history.Add(new(c.At, SlaEventKind.Paused));
                    break;
                case TicketStatus.Solved:
                    history.Add(new(c.At, SlaEventKind.Solved));
                    break;
                case TicketStatus.Closed:
                    history.Add(new(c.At, SlaEventKind.Closed));
                    break;
                case TicketStatus.Reopened:
                    history.Add(new(c.At, SlaEventKind.Reopened));
                    break;
                default:
                    break;
            }
        }

        foreach (var m in messages.Where(m => !m.Internal).OrderBy(m => m.At))
        {
            if (m.Author == MessageAuthor.Client)
            {
                history.Add(new(m.At, SlaEventKind.ClientMessage));
            }
            else if (m.Author == MessageAuthor.Agent)
            {
                history.Add(new(m.At, SlaEventKind.AgentResponse));
            }
        }

        return history;
    }
}
