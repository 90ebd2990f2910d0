namespace Nqba.Server.Modules.Support.Sla;

/// <summary>What happened to a ticket, as far as its SLA clocks care.</summary>
internal enum SlaEventKind
{
    Opened,
    ClientMessage,
    AgentResponse,

    /// <summary>The ticket went pending on the client: every running clock pauses.</summary>
    Paused,

    /// <summary>The ticket left the pending state.</summary>
    Resumed,
    Solved,
    Reopened,
    Closed,
}
