namespace Nqba.Server.Modules.Pipeline.Notifications;

/// <summary>A deal that has sat in one stage too long, for its owner.</summary>
public sealed record DealStalledMailModel(Guid DealId, string Title, string Stage, int Days, int StallDays);
