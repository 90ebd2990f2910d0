namespace Nqba.Server.Modules.Monitoring.Uptime;

/// <summary>A component was in <see cref="State"/> from <see cref="From"/> until <see cref="To"/> (null: still is).</summary>
internal sealed class StateInterval
{
    public Guid Id { get; set; }

    public Guid ComponentId { get; set; }

    public ServiceState State { get; set; }

    public DateTime From { get; set; }

    public DateTime? To { get; set; }
}
