namespace Nqba.Server.Modules.Support.Sla;

/// <summary>A ticket's three clocks.</summary>
internal sealed record SlaDeadlines(SlaClockReading FirstResponse, SlaClockReading NextResponse, SlaClockReading Resolution)
{
    public IEnumerable<SlaClockReading> All => [FirstResponse, NextResponse, Resolution];
}
