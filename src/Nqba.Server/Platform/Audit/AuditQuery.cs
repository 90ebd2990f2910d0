namespace Nqba.Server.Platform.Audit;

/// <summary>Filters of the audit page and API.</summary>
internal sealed record AuditQuery(string? Action, string? Actor, string? EntityType, string? EntityId, DateTime? From, DateTime? To, int Limit = 100, long? Before = null);
