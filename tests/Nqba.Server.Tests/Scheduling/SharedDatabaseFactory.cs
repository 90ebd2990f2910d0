namespace Nqba.Server.Tests.Scheduling;

/// <summary>A second server instance on <paramref name="other"/>'s database (two instances, or a restart).</summary>
public sealed class SharedDatabaseFactory(SchedulingFactory other) : SchedulingFactory
{
    protected override SchedulingFactory? SharedDatabase => other;
}
