namespace Nqba.Server.Modules.Intake.Response;

/// <summary>Where a lead's response clock stands.</summary>
public enum ResponseState
{
    /// <summary>Untouched, within the first part of the target.</summary>
    Running,

    /// <summary>Untouched and nearing the target: escalated to the unit's lead.</summary>
    AtRisk,

    /// <summary>Untouched past the target.</summary>
    Breached,

    /// <summary>Touched within the target.</summary>
    Met,

    /// <summary>Touched, but after the target.</summary>
    MetLate,
}
