namespace Nqba.Server.Modules.Support.Sla;

/// <summary>Wall-clock time: every second counts (emergency SLAs).</summary>
internal sealed class AroundTheClock : IWorkingTime
{
    public static readonly AroundTheClock Instance = new();

    public TimeSpan Between(DateTime start, DateTime end) => end > start ? end - start : TimeSpan.Zero;

    public DateTime Add(DateTime start, TimeSpan duration) => start + duration;
}
