namespace Nqba.Server.Modules.Monitoring.Catalog;

public sealed record HeartbeatReceipt(DateTime ReceivedAt);
