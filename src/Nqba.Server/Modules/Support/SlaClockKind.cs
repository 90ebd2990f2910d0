namespace Nqba.Server.Modules.Support;

/// <summary>The three SLA clocks of a ticket.</summary>
public enum SlaClockKind
{
    FirstResponse,
    NextResponse,
    Resolution,
}
