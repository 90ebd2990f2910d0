namespace Nqba.Server.Modules.Support.Sla;

public enum EscalationAction
{
    /// <summary>Give the ticket to another available agent of its team.</summary>
    Reassign,

    /// <summary>E-mail the team lead.</summary>
    NotifyTeamLead,

    /// <summary>E-mail the team's on-call person.</summary>
    PageOnCall,
}
