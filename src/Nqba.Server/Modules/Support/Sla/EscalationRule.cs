namespace Nqba.Server.Modules.Support.Sla;

/// <summary>An escalation: on a warning or breach of tickets of a priority (null: any), do something.</summary>
public sealed class EscalationRule
{
    public EscalationTrigger On { get; set; }

    public TicketPriority? Priority { get; set; }

    public EscalationAction Action { get; set; }

    internal bool Applies(EscalationTrigger trigger, TicketPriority priority) => On == trigger && (Priority is null || Priority == priority);

    public static List<EscalationRule> ProductDefaults() =>
    [
        new() { On = EscalationTrigger.Warning, Action = EscalationAction.NotifyTeamLead },
        new() { On = EscalationTrigger.Breach, Action = EscalationAction.Reassign },
        new() { On = EscalationTrigger.Breach, Action = EscalationAction.NotifyTeamLead },
        new() { On = EscalationTrigger.Warning, Priority = TicketPriority.Emergency, Action = EscalationAction.PageOnCall },
        new() { On = EscalationTrigger.Breach, Priority = TicketPriority.Urgent, Action = EscalationAction.PageOnCall },
    ];
}
