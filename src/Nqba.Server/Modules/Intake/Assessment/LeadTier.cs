namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>How promising a lead is, from its SigmaEQ total.</summary>
public enum LeadTier
{
    Cold,
    Lukewarm,
    Warm,
    Hot,
}
